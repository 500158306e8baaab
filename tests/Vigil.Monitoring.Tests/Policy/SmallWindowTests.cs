using Vigil.AutoML;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Tests.Checks;

namespace Vigil.Monitoring.Tests.Policy;

/// <summary>
/// A window below the checks' minimum size (their too_few_rows finding) has figures but no reason fires on them: one
/// shifted row has a huge PSI, and it must not start a retrain.
/// </summary>
public sealed class SmallWindowTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetrainContext Ready = new(1000, Now.AddDays(-3), [Now.AddDays(-3)], Now);

    private static MonitoringResult CheckShifted(int rows)
    {
        var training = MonitoringTestData.Gaussian(1500, 5, seed: 8);
        var (yh, ph, sh) = MonitoringTestData.Binary(1500, 0.85, seed: 9);
        training = training.WithColumn(new Vigil.Data.Tables.NumericColumn("target", yh.Select(v => (double)v).ToArray()));
        var profile = ReferenceProfile.Build(training, "target", AutoMLTask.Binary) with
        {
            Baseline = Baseline.FromHoldout(PredictionSet.Binary(yh, ph, sh)),
            FeatureImportance = new Dictionary<string, double> { ["f0"] = 5, ["f1"] = 4, ["f2"] = 3, ["f3"] = 2, ["f4"] = 1 },
        };
        var window = MonitoringTestData.Gaussian(rows, 5, seed: 10, shifted: 5, shift: 4.0);
        var (y, p, s) = MonitoringTestData.Binary(rows, 0.5, seed: 11);
        var monitor = new WindowMonitor("churn", "1", profile, new MonitoringOptions { Performance = new PerformanceOptions { Resamples = 200 } });
        return monitor.Check(new MonitoringWindow { Start = Now.AddHours(-1), End = Now, Rows = window, Outcomes = PredictionSet.Binary(y, p, s) });
    }

    [Fact]
    public void A_one_row_window_fires_no_reason_and_the_decision_says_why()
    {
        var result = CheckShifted(1);
        Assert.Contains(result.Quality.Findings, f => f.Kind == QualityFindingKind.TooFewRows);
        Assert.Contains(result.Drift.Features.Columns, c => c.Psi >= 0.25); // the figure that used to fire ImportantFeaturePsi

        var decision = new RetrainPolicy().Evaluate(result, Ready);

        Assert.False(decision.Retrain);
        var reasons = decision.Triggers.Where(t => t.Kind == TriggerKind.Reason).ToArray();
        Assert.Equal(Enum.GetValues<RetrainTrigger>().Count(t => t.Kind() == TriggerKind.Reason), reasons.Length);
        Assert.All(reasons, t => Assert.Equal(TriggerOutcome.NotFired, t.Outcome));
        Assert.All(reasons, t => Assert.StartsWith("not judged: the window is below the minimum size (1 rows, fewer than the 30", t.Detail, StringComparison.Ordinal));
        Assert.Contains("PSI ≥ 0.25", decision.Triggers.Single(t => t.Trigger == RetrainTrigger.ImportantFeaturePsi).Detail, StringComparison.Ordinal);
        Assert.StartsWith("no retrain: the window is below the minimum size", decision.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_of_the_minimum_size_is_judged()
    {
        var result = CheckShifted(new QualityOptions().MinRows);
        Assert.DoesNotContain(result.Quality.Findings, f => f.Kind == QualityFindingKind.TooFewRows);

        var decision = new RetrainPolicy().Evaluate(result, Ready);

        Assert.True(decision.Retrain, decision.Summary);
        Assert.True(decision.Triggers.Single(t => t.Trigger == RetrainTrigger.ImportantFeaturePsi).Fired);
    }
}
