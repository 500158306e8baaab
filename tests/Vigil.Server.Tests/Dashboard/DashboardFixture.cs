using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;
using Vigil.Server.Api;

namespace Vigil.Server.Tests.Dashboard;

/// <summary>
/// A workspace with a life story, built once through the library: a model trained on generated data, checks over
/// eight simulated days with growing drift, a retrain on changed data, checks after it; and a second model never
/// checked. Then the real app on a loopback port over that workspace.
/// </summary>
public sealed class DashboardFixture() : WorkspaceServerFixture("vigil-dashboard-")
{
    public const string Model = "churn-model";
    public const string Unchecked = "fraud.v2";

    /// <summary>Drift share of the latest check, as the library computed it.</summary>
    public double LatestDriftShare { get; private set; }

    public int CheckCount { get; private set; }

    protected override void Populate()
    {
        var stream = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = 7000, Features = 6, Informative = 3, Redundant = 1, CategoricalFeatures = 1, ClassSeparation = 1.5,
            FlipY = 0.02, Seed = 21,
        });
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(-9));
        using var monitor = VigilMonitor.Open(Folder, null, clock);
        monitor.Train(Model, stream.Slice(0, 1500), Quick("initial training"));
        monitor.Train(Unchecked, stream.Slice(0, 600), Quick("initial training"));

        // The world changes after training: from day 3 the labels follow a new concept (one "teacher" for all later
        // rows), and f0 drifts further every day with f1 and f2 joining in. Accuracy falls, the drift alarms fire.
        var changed = ConceptDrift.Apply(stream.Slice(1500, 5500), new ConceptDriftOptions { LabelColumn = "target", Seed = 9 });
        var start = 0;
        for (var day = 0; day < 6; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            var window = day < 3 ? stream.Slice(1500 + start, 400) : changed.Slice(start, 400);
            start += 400;
            if (day > 0)
            {
                window = NumericDrift.MeanShift(window, "f0", 0.25 * day, seed: day);
            }

            if (day >= 3)
            {
                window = NumericDrift.MeanShift(window, "f1", 0.8, seed: day);
                window = NumericDrift.ScaleChange(window, "f2", 1.8, seed: day);
            }

            Check(monitor, clock, window);
        }

        // Retrain on the new concept; the challenger wins, and the next checks are back near its baseline.
        clock.Advance(TimeSpan.FromHours(6));
        monitor.Retrain(Model, new RetrainRequest { Data = changed.Slice(start, 2000), TimeBudget = null, MaxTrials = 3, CreatedBy = "test", Reason = "dataset drift and degradation" });
        start += 2000;
        for (var day = 0; day < 2; day++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            Check(monitor, clock, NumericDrift.MeanShift(changed.Slice(start, 400), "f0", 0.3, seed: 40 + day));
            start += 400;
        }

        var latest = monitor.Workspace.Store.ListChecks(Model, 1)[0];
        LatestDriftShare = Vigil.Monitoring.Checks.MonitoringJson.Deserialize<Vigil.Monitoring.Checks.MonitoringResult>(latest.ResultJson).Drift.DriftedShare;
        CheckCount = monitor.Workspace.Store.ListChecks(Model).Count;
    }

    private static void Check(VigilMonitor monitor, ManualClock clock, Table window) =>
        monitor.Check(Model, window, new CheckRequest { WindowStart = clock.GetUtcNow().AddDays(-1), WindowEnd = clock.GetUtcNow() });

    private static TrainRequest Quick(string reason) => new()
    {
        Label = "target", TimeBudget = null, MaxTrials = 3, Seed = 3, CreatedBy = "test", Reason = reason,
    };

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
