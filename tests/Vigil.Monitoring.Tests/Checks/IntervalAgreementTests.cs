using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>
/// The analytic intervals used on large windows agree with the bootstrap the check used before (and still uses on
/// small windows): on windows of 300 to 1000 rows, every metric's interval width is within 10 % of the percentile
/// bootstrap's (4000 resamples, so the bootstrap's own Monte Carlo error stays near 2 %), at the plain 95 % level and
/// at the Bonferroni level of four watched metrics.
/// </summary>
public sealed class IntervalAgreementTests
{
    public static TheoryData<string, int, double> Cases()
    {
        var data = new TheoryData<string, int, double>();
        foreach (var task in new[] { "binary", "multiclass", "regression" })
        {
            foreach (var rows in new[] { 300, 500, 1000 })
            {
                data.Add(task, rows, 0.95);
                data.Add(task, rows, 1 - (0.05 / 4));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnalyticWidthsAreWithinTenPercentOfTheBootstrap(string task, int rows, double level)
    {
        var (holdout, window) = task switch
        {
            "binary" => (SimulatedModels.Binary(2000, 1), SimulatedModels.Binary(rows, 2)),
            "multiclass" => (SimulatedModels.Multiclass(2000, 1), SimulatedModels.Multiclass(rows, 2)),
            _ => (SimulatedModels.Regression(2000, 1), SimulatedModels.Regression(rows, 2)),
        };
        var baseline = Baseline.FromHoldout(holdout);
        // One watched metric, so the interval level is exactly `level`.
        var options = new PerformanceOptions { Level = level, Watched = new WatchedMetrics(WatchedMetrics.Default(window.Task).Metrics.Take(1)), Seed = 5 };
        var analytic = PerformanceCheck.Run(baseline, window, options with { Intervals = IntervalChoice.Analytic });
        var bootstrap = PerformanceCheck.Run(baseline, window, options with { Intervals = IntervalChoice.Bootstrap, Resamples = 4000 });
        Assert.Equal(level, analytic.IntervalLevel!.Value, 12);
        foreach (var a in analytic.Metrics)
        {
            var b = bootstrap.Metrics.Single(m => m.Name == a.Name);
            Assert.Equal(IntervalMethod.Bootstrap, b.Method);
            Assert.NotEqual(IntervalMethod.Bootstrap, a.Method);
            var wa = a.ChangeUpper!.Value - a.ChangeLower!.Value;
            var wb = b.ChangeUpper!.Value - b.ChangeLower!.Value;
            Assert.True(Math.Abs((wa / wb) - 1) <= 0.10, $"{task} {a.Name} n={rows} level={level}: analytic width {wa:G4} vs bootstrap {wb:G4} ({(wa / wb) - 1:P1})");
        }
    }

    [Fact]
    public void AutoUsesTheBootstrapBelowTheThresholdAndAnalyticFromIt()
    {
        var baseline = Baseline.FromHoldout(SimulatedModels.Binary(2000, 1));
        var small = PerformanceCheck.Run(baseline, SimulatedModels.Binary(999, 2));
        var large = PerformanceCheck.Run(baseline, SimulatedModels.Binary(1000, 2));
        Assert.All(small.Metrics, m => Assert.Equal(IntervalMethod.Bootstrap, m.Method));
        Assert.Equal(1000, small.Resamples);
        Assert.Equal(IntervalMethod.Delong, large.Metrics.Single(m => m.Name == "roc_auc").Method);
        Assert.All(large.Metrics.Where(m => m.Name != "roc_auc"), m => Assert.Equal(IntervalMethod.Normal, m.Method));
        Assert.Equal(0, large.Resamples);
    }
}
