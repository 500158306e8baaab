using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Cluster.Tests;

/// <summary>
/// One tiny model trained once per test run (one AutoML trial), copied into a cluster's workspace as a bundle the
/// nodes register, plus production rows (optionally drifted) and their labels.
/// </summary>
internal static class ClusterModel
{
    private const string Label = "target";

    private static readonly Lazy<string> Folder = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    private static Table Stream { get; } = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Samples = 3000, Features = 5, Informative = 3, Redundant = 1, ClassSeparation = 1.5, FlipY = 0.02, Seed = 19,
    });

    /// <summary>Copies the trained bundle to <c>&lt;workspace&gt;/imports/base</c> and returns that relative path.</summary>
    public static string CopyInto(string workspace)
    {
        const string relative = "imports/base";
        var target = Path.Combine(workspace, relative);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Folder.Value))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return relative;
    }

    /// <summary>Rows <c>{id, timestamp, features, prediction, score}</c> with ids <c>prefix + i</c> for i in [start, start+count).</summary>
    public static JsonArray Rows(int start, int count, string prefix, bool drift) =>
        Vigil.TestSupport.PredictionRows.Json(Stream, Label, start, count, prefix, drift, firstRow: 1000, span: 2000);

    /// <summary>Labels <c>{id, label}</c> of the same rows.</summary>
    public static JsonArray Labels(int start, int count, string prefix)
    {
        var labels = new JsonArray();
        for (var i = start; i < start + count; i++)
        {
            labels.Add(new JsonObject
            {
                ["id"] = prefix + i.ToString(CultureInfo.InvariantCulture),
                ["label"] = Stream[Label].FormatCell(1000 + (i % 2000)),
            });
        }

        return labels;
    }

    private static string Train()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-cluster-model-").FullName;
        using var monitor = VigilMonitor.Open(workspace);
        var trained = monitor.Train("template", Stream.Slice(0, 1000), new TrainRequest
        {
            Label = Label, TimeBudget = null, MaxTrials = 1, Seed = 3, Learners = ["lgbm"], CreatedBy = "test", Reason = "template",
        });
        return trained.Version.BundleFolder;
    }
}
