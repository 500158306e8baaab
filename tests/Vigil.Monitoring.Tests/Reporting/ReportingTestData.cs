using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Tests.Checks;
using Vigil.Monitoring.Tests.Store;

namespace Vigil.Monitoring.Tests.Reporting;

/// <summary>Builds workspace histories from real <see cref="WindowMonitor"/> runs for the report builder tests.</summary>
internal static class ReportingTestData
{
    public const string Model = "churn";

    public static readonly string[] Plans = ["basic", "pro", "team"];

    /// <summary>Three N(0, 1) features f0..f2, a categorical <c>plan</c>, optionally the label <c>target</c>.</summary>
    public static Table Rows(int rows, int seed, double shift = 0, int[]? labels = null)
    {
        var table = MonitoringTestData.Gaussian(rows, 3, seed, shifted: shift == 0 ? 0 : 1, shift: shift);
        var random = new Random(seed + 1000);
        var codes = Enumerable.Range(0, rows).Select(_ => random.Next(Plans.Length)).ToArray();
        table = table.WithColumn(new CategoricalColumn("plan", codes, [.. Plans]));
        return labels is null ? table : table.WithColumn(new NumericColumn("target", labels.Select(v => (double)v).ToArray()));
    }

    /// <summary>A binary profile whose holdout baseline has exactly <paramref name="accuracy"/>.</summary>
    public static ReferenceProfile Profile(double accuracy, int seed)
    {
        var (y, p, s) = MonitoringTestData.Binary(1200, accuracy, seed);
        return ReferenceProfile.Build(Rows(1200, seed, labels: y), "target", AutoMLTask.Binary) with
        {
            Baseline = Baseline.FromHoldout(PredictionSet.Binary(y, p, s)),
        };
    }

    public static ModelVersion Register(TempWorkspace ws, ReferenceProfile? profile, string reason, bool? champion = null, int? parent = null)
    {
        var metrics = profile?.Baseline?.Metrics ?? new Dictionary<string, double> { ["auc"] = 0.9 };
        var info = new ModelVersionInfo("LightGbm", "{}", metrics, "fp", null, null, 1200, parent, "vigil train", reason,
            profile is null ? null : MonitoringJson.Serialize(profile), champion);
        return ws.Workspace.Registry.RegisterVersion(Model, ws.MakeBundle(), info);
    }

    /// <summary>Runs the monitor on one window (400 rows at the given accuracy), stores it, and returns the result and id.</summary>
    public static (MonitoringResult Result, long Id) Check(TempWorkspace ws, ReferenceProfile profile, int version, int day, double accuracy, double shift = 0)
    {
        ws.Clock.Advance(TimeSpan.FromDays(1));
        var start = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).AddDays(day);
        var (y, p, s) = MonitoringTestData.Binary(400, accuracy, seed: 50 + day);
        var options = new MonitoringOptions { Performance = new PerformanceOptions { Resamples = 200 } };
        var monitor = new WindowMonitor(Model, "v" + version, profile, options, ws.Clock);
        var result = monitor.Check(new MonitoringWindow
        {
            Start = start, End = start.AddDays(1), Rows = Rows(400, 100 + day, shift), Outcomes = PredictionSet.Binary(y, p, s),
        });
        var id = Save(ws, version, result, MonitoringJson.Serialize(result));
        return (result, id);
    }

    public static long Save(TempWorkspace ws, int version, MonitoringResult result, string json) =>
        ws.Workspace.Store.SaveCheck(new CheckRecord(Model, version, ws.Clock.GetUtcNow(), result.Window.Start, result.Window.End,
            result.Window.Rows, result.Status == MonitoringStatus.Alarm, result.Status.ToString().ToLowerInvariant(), json));

    public static long Decide(TempWorkspace ws, long checkId, bool retrain)
    {
        var decision = new RetrainDecision
        {
            Retrain = retrain,
            Summary = retrain ? "Retrain: accuracy degraded with confidence." : "No retrain: nothing fired.",
            Triggers = [TriggerEvaluation.Reason(RetrainTrigger.ConfidentDegradation, retrain, "accuracy below the allowed drop")],
            DecidedAt = ws.Clock.GetUtcNow(),
        };
        return ws.Workspace.Store.SaveDecision(new DecisionRecord(Model, checkId, ws.Clock.GetUtcNow(), retrain, MonitoringJson.Serialize(decision)));
    }
}
