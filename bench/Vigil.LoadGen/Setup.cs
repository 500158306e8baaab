using System.Globalization;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;
using Vigil.Stores;

namespace Vigil.LoadGen;

/// <summary>
/// Trains a binary model on 20 numeric features (f0..f19) into the workspace and logs 5000 labelled rows, so a retrain
/// has data; with <c>--shadow</c>, a second version shadows the champion. Run it before the server starts.
/// </summary>
public static class Setup
{
    public static int Run(Options options)
    {
        // --store names any store (a PostgreSQL connection string too); --workspace a SQLite folder.
        var location = WorkspaceLocation.Parse(options.Text("store", options.Text("workspace", "bench-ws")), "--store");
        var model = options.Text("model", "load");
        var data = Data(8000, 5);
        using var monitor = WorkspaceOpener.OpenMonitor(location);
        var names = data.ColumnNames.Where(n => n != "target").ToArray();
        var version = options.Has("onnx")
            ? ModelRegistration.Register(monitor.Workspace, model, new RegistrationRequest
            {
                // An ONNX champion instead of a trained one (bench/onnx/wide-logreg.onnx takes f0..f19 as one tensor).
                Kind = ModelKind.Onnx, ModelFile = options.Text("onnx", ""), Reference = data.Slice(0, 3000), Label = "target",
                Features = names, CreatedBy = "loadgen", Reason = "load test",
            }).Version
            : monitor.Train(model, data.Slice(0, 3000), new TrainRequest
            {
                Label = "target", TimeBudget = null, MaxTrials = 4, Learners = ["lgbm"], CreatedBy = "loadgen", Reason = "load test",
            }).Version;
        var rows = new List<PredictionRecord>();
        var labels = new List<LabelRecord>();
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        for (var i = 3000; i < 8000; i++)
        {
            var features = names.ToDictionary(n => n, n => (object?)((NumericColumn)data[n])[i], StringComparer.Ordinal);
            var id = "seed-" + i.ToString(CultureInfo.InvariantCulture);
            rows.Add(new PredictionRecord(id, start.AddMilliseconds(i), features, "1", 0.5, 1));
            labels.Add(new LabelRecord(id, data["target"].FormatCell(i)!, null));
        }

        monitor.LogPredictions(model, rows);
        monitor.LogLabels(model, labels);
        if (options.Has("shadow"))
        {
            // A second version that shadows the champion: the server scores every row logged from now on with it too.
            var shadow = monitor.Train(model, data.Slice(0, 3000), new TrainRequest
            {
                Label = "target", TimeBudget = null, MaxTrials = 4, Seed = 7, Learners = ["lgbm"], CreatedBy = "loadgen", Reason = "load test shadow",
                BecomeChampion = false,
            }).Version;
            monitor.SetShadow(model, shadow.Version, "loadgen", "load test");
            Console.WriteLine($"v{shadow.Version} ({shadow.Learner}) shadows the champion.");
        }

        Console.WriteLine($"workspace {WorkspaceOpener.Describe(location)}: model '{model}' v{version.Version} ({version.Kind.Name()}, {version.Learner}), 5000 labelled rows logged.");
        return 0;
    }

    /// <summary>The benchmark's rows: 20 numeric features, binary target.</summary>
    public static Table Data(int rows, int seed) => ClassificationGenerator.Generate(new ClassificationOptions
    {
        Samples = rows, Features = 20, Informative = 5, Redundant = 3, ClassSeparation = 1.2, Seed = seed,
    });
}
