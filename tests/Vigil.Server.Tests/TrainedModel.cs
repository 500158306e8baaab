using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Server.Tests;

/// <summary>
/// One tiny model trained once per test run (2 AutoML trials) in a template workspace, plus "production" rows from
/// the same generator. Tests copy the version folder into their server's workspace and register it through the API.
/// </summary>
internal static class TrainedModel
{
    public const string Label = "target";

    private static readonly Lazy<string> Folder = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>4000 rows: the first 1500 trained the model; the rest are production rows.</summary>
    public static Table Stream { get; } = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Samples = 4000, Features = 6, Informative = 3, Redundant = 1, ClassSeparation = 1.5, FlipY = 0.02, Seed = 11,
    });

    /// <summary>Copies the trained bundle to <c>&lt;workspace&gt;/&lt;relative&gt;</c> and returns <paramref name="relative"/>.</summary>
    public static string CopyInto(string workspace, string relative = "imports/base")
    {
        var target = Path.Combine(workspace, relative);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Folder.Value))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return relative;
    }

    /// <summary>Prediction rows <c>{id, timestamp, features, prediction, score}</c> for production rows [start, start+count).</summary>
    public static JsonArray Rows(int start, int count, string idPrefix = "r", bool drift = false) =>
        Vigil.TestSupport.PredictionRows.Json(Stream, Label, start, count, idPrefix, drift, firstRow: 1500, span: 2500);

    /// <summary>True labels <c>{id, label}</c> for the same rows.</summary>
    public static JsonArray Labels(int start, int count, string idPrefix = "r")
    {
        var labels = new JsonArray();
        for (var i = start; i < start + count; i++)
        {
            labels.Add(new JsonObject
            {
                ["id"] = idPrefix + i.ToString(CultureInfo.InvariantCulture),
                ["label"] = Stream[Label].FormatCell(1500 + (i % 2500)),
            });
        }

        return labels;
    }

    private static string Train()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-server-model-").FullName;
        using var monitor = VigilMonitor.Open(workspace);
        var trained = monitor.Train("template", Stream.Slice(0, 1500), new TrainRequest
        {
            Label = Label, TimeBudget = null, MaxTrials = 2, Seed = 3, Learners = ["lgbm"], CreatedBy = "test", Reason = "template",
        });
        return trained.Version.BundleFolder;
    }
}
