using MathNet.Numerics.Distributions;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Multivariate;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Estimation;

/// <summary>
/// Realised and estimated metrics are judged by one per-metric rule (#17): the model's watched metrics with their own
/// drops, the Bonferroni level of the watched set, and "degraded when the whole interval lies beyond
/// max(drop × |baseline|, min)". The expectation below is written from that documented rule, not from the code.
/// </summary>
public class SharedDegradationRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);

    // The documented rule, independently: the whole interval beyond the allowed worsening in the worse direction.
    private static bool Expected(string name, double baseline, double lower, double upper, double drop)
    {
        var allowed = drop * Math.Abs(baseline);
        return name is "log_loss" or "mae" or "rmse" ? lower > baseline + allowed : upper < baseline - allowed;
    }

    private static double Z(int watched) => Normal.InvCDF(0, 1, 1 - (0.05 / watched / 2));

    private static MonitoringOptions Options(string? watched) => new()
    {
        Performance = new PerformanceOptions { Watched = watched is null ? null : WatchedMetrics.Parse(watched) },
        Multivariate = new MultivariateOptions { Enabled = false },
    };

    [Fact]
    public void TheSameMetricIntervalAndBaseline_GetTheSameVerdict_RealisedOrEstimated()
    {
        // The model watches recall (its own 30 %) and log loss: accuracy is shown but must not decide, either way.
        var drops = new Dictionary<string, double> { ["recall"] = 0.30, ["log_loss"] = 0.05 };
        var holdout = SyntheticScores.Binary(4000, 21, SyntheticScores.Spread);
        var estimator = PerformanceEstimator.TryFit(holdout, null, null, out _)!;
        var reference = new Table([new NumericColumn("x", holdout.Probabilities!.Select(p => Math.Log(p / (1 - p))).ToArray())]);
        var profile = ReferenceProfile.Build(reference, null, AutoMLTask.Binary) with { Baseline = Baseline.FromHoldout(holdout) };
        var monitor = new WindowMonitor("m", "1", profile, Options("recall:0.30,log_loss"), estimator: estimator);

        var window = SyntheticScores.Binary(3000, 22, SyntheticScores.Hard);
        var rows = new Table([new NumericColumn("x", window.Probabilities!.Select(p => Math.Log(p / (1 - p))).ToArray())]);
        var result = monitor.Check(new MonitoringWindow { Start = Now.AddDays(-1), End = Now, Rows = rows, Predictions = ScoredRows.From(window), Outcomes = window });
        var realised = result.Performance!;
        var estimated = result.EstimatedPerformance!;

        var shared = estimated.Metrics.Where(e => realised.Metrics.Any(r => r.Name == e.Name)).ToArray();
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall", "f1", "log_loss"], shared.Select(m => m.Name));
        foreach (var e in shared)
        {
            var r = realised.Metrics.Single(m => m.Name == e.Name);
            var drop = drops.GetValueOrDefault(e.Name, 0.05);
            Assert.Equal(r.Baseline!.Value, e.Baseline!.Value, 12);
            Assert.Equal(r.Watched, e.Watched);
            Assert.Equal(drops.ContainsKey(e.Name), e.Watched);
            Assert.Equal(r.AllowedDrop!.Value, e.AllowedDrop!.Value, 12);
            Assert.Equal(drop * Math.Abs(r.Baseline.Value), e.AllowedDrop.Value, 12);
            var b = r.Baseline.Value;
            Assert.Equal(Expected(r.Name, b, b + r.ChangeLower!.Value, b + r.ChangeUpper!.Value, drop), r.Degraded);
            Assert.Equal(Expected(e.Name, b, e.Lower!.Value, e.Upper!.Value, drop), e.Degraded);
        }

        // The hard window's accuracy is far below baseline in both judgements; it is judged degraded, yet only watched
        // metrics decide the window.
        Assert.True(realised.Metrics.Single(m => m.Name == "accuracy").Degraded);
        Assert.True(shared.Single(m => m.Name == "accuracy").Degraded);
        Assert.Equal(shared.Any(m => m.Watched && m.Degraded), estimated.Degraded);
        Assert.Equal(realised.Metrics.Any(m => m.Watched && m.Degraded), realised.Degraded);
    }

    [Fact]
    public void TheBonferroniWidth_AppliesToEstimatedMetrics()
    {
        // Log loss gets no calibration allowance, so its band is exactly ± z × sampling error, z at the watched set's level.
        var holdout = SyntheticScores.Binary(4000, 23, SyntheticScores.Spread);
        var estimator = PerformanceEstimator.TryFit(holdout, null, null, out _)!;
        var reference = new Table([new NumericColumn("x", new double[] { 0, 1, 2 })]);
        var profile = ReferenceProfile.Build(reference, null, AutoMLTask.Binary) with { Baseline = Baseline.FromHoldout(holdout) };
        var window = SyntheticScores.Binary(2000, 24, SyntheticScores.Spread);
        var rows = new Table([new NumericColumn("x", new double[window.Rows])]);
        foreach (var (watched, k) in new[] { ("log_loss", 1), ("log_loss,accuracy,recall", 3), ("accuracy,roc_auc,precision,recall,f1,log_loss", 6) })
        {
            var monitor = new WindowMonitor("m", "1", profile, Options(watched), estimator: estimator);
            var loss = monitor.Check(new MonitoringWindow { Start = Now, End = Now, Rows = rows, Predictions = ScoredRows.From(window) })
                .EstimatedPerformance!.Metrics.Single(m => m.Name == "log_loss");
            Assert.Equal(Z(k), (loss.Upper!.Value - loss.Value!.Value) / loss.SamplingError!.Value, 6);
        }

        // Regression: RMSE, MAE and R² are watched by default. R² cannot be estimated, but it still counts in the
        // level, so DLE's bands are drawn at 1 − 0.05 / 3, as the measured intervals of the same watched set are.
        var (holdoutRows, outcomes) = DleTests.Generate(2000, 25, shift: 0);
        var dle = PerformanceEstimator.TryFit(outcomes, holdoutRows, "y", out var why) ?? throw new InvalidOperationException(why);
        var regressionProfile = ReferenceProfile.Build(holdoutRows.WithoutColumns("y"), null, AutoMLTask.Regression) with { Baseline = Baseline.FromHoldout(outcomes) };
        var (windowRows, windowOutcomes) = DleTests.Generate(1000, 26, shift: 0.5);
        var result = new WindowMonitor("r", "1", regressionProfile, Options(null), estimator: dle).Check(new MonitoringWindow
        {
            Start = Now, End = Now, Rows = windowRows.WithoutColumns("y"), Predictions = ScoredRows.Regression(windowOutcomes.PredictedValues!.ToArray()),
        });
        foreach (var m in result.EstimatedPerformance!.Metrics)
        {
            Assert.True(m.Watched, m.Name);
            Assert.Equal(Z(3), (m.Upper!.Value - m.Value!.Value) / m.SamplingError!.Value, 6);
        }

        Assert.Contains(result.EstimatedPerformance.Notes, n => n.Contains("r2", StringComparison.Ordinal));
    }
}
