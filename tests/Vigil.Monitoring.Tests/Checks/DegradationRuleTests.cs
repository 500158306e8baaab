using Vigil.AutoML;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Tests.Checks;

public sealed class DegradationRuleTests
{
    [Fact]
    public void IntervalsAreBonferroniAdjustedOverTheWatchedSet()
    {
        Assert.Equal(1 - (0.05 / 4), DegradationRule.For(AutoMLTask.Binary).IntervalLevel, 12);
        Assert.Equal(1 - (0.05 / 2), DegradationRule.For(AutoMLTask.Multiclass).IntervalLevel, 12);
        Assert.Equal(0.95, new DegradationRule(WatchedMetrics.Parse("recall")).IntervalLevel, 12);
        Assert.Equal(1 - (0.10 / 3), DegradationRule.For(AutoMLTask.Regression, new PerformanceOptions { Level = 0.90 }).IntervalLevel, 12);
    }

    [Fact]
    public void EachMetricHasItsOwnDropAndDirection()
    {
        var rule = DegradationRule.For(AutoMLTask.Binary, new PerformanceOptions { Watched = WatchedMetrics.Parse("accuracy,recall:0.10,log_loss:0.2") });
        Assert.Equal(0.04, rule.AllowedDrop("accuracy", 0.8), 12);    // the default 5 %
        Assert.Equal(0.06, rule.AllowedDrop("recall", 0.6), 12);      // its own 10 %
        Assert.True(rule.IsDegraded("recall", 0.6, 0.40, 0.539));     // whole interval below 0.54
        Assert.False(rule.IsDegraded("recall", 0.6, 0.40, 0.541));
        Assert.True(rule.IsDegraded("log_loss", 0.5, 0.61, 0.9));      // a loss degrades upwards: above 0.6
        Assert.False(rule.IsDegraded("log_loss", 0.5, 0.59, 0.9));
        Assert.True(rule.IsWatched("recall"));
        Assert.False(rule.IsWatched("roc_auc"));
    }

    [Fact]
    public void MinimumAbsoluteDropAndPrimaryMetricJoinTheRule()
    {
        var rule = DegradationRule.For(AutoMLTask.Binary, new PerformanceOptions { MinAbsoluteDrop = 0.1, PrimaryMetric = "f1", Watched = WatchedMetrics.Parse("recall") });
        Assert.Equal(0.1, rule.AllowedDrop("recall", 0.6), 12);
        Assert.Equal(["recall", "f1"], rule.Watched.Metrics.Select(m => m.Name));
        Assert.Throws<WatchedMetricsInputException>(() => DegradationRule.For(AutoMLTask.Regression, new PerformanceOptions { Watched = WatchedMetrics.Parse("accuracy") }));
    }
}
