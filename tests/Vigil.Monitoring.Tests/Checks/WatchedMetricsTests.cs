using Vigil.AutoML;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Tests.Checks;

public sealed class WatchedMetricsTests
{
    [Fact]
    public void DefaultsAreTheIssuesSetsPerTask()
    {
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall"], WatchedMetrics.Default(AutoMLTask.Binary).Metrics.Select(m => m.Name));
        Assert.Equal(["log_loss", "accuracy"], WatchedMetrics.Default(AutoMLTask.Multiclass).Metrics.Select(m => m.Name));
        Assert.Equal(["rmse", "mae", "r2"], WatchedMetrics.Default(AutoMLTask.Regression).Metrics.Select(m => m.Name));
        Assert.All(WatchedMetrics.Default(AutoMLTask.Binary).Metrics, m => Assert.Null(m.MaxRelativeDrop));
    }

    [Fact]
    public void ParsesNamesWithFractionsPercentagesOrNoDrop()
    {
        var w = WatchedMetrics.Parse(" accuracy:0.05, recall:10% ,roc_auc");
        Assert.Equal([new WatchedMetric("accuracy", 0.05), new WatchedMetric("recall", 0.10), new WatchedMetric("roc_auc")], w.Metrics);
        Assert.Equal("accuracy:0.05,recall:0.1,roc_auc", w.ToString());
        Assert.Equal(w, WatchedMetrics.Parse(w.ToString()));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("accuracy,,recall", "entry 2")]
    [InlineData("acuracy:0.05", "'acuracy' is not a metric")]
    [InlineData("accuracy:five", "'five', not a number")]
    [InlineData("accuracy:1.5", "[0, 1)")]
    [InlineData("accuracy:-0.1", "[0, 1)")]
    [InlineData("recall,recall:0.1", "twice")]
    [InlineData("mape", "'mape' is not a metric Vigil watches")]
    public void BadListsAreOneLineErrorsNamingTheEntry(string spec, string expected)
    {
        var e = Assert.Throws<WatchedMetricsInputException>(() => WatchedMetrics.Parse(spec));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void TaskRestrictionKeepsOrFiltersOrRefuses()
    {
        var mixed = WatchedMetrics.Parse("accuracy:0.02,rmse:0.1");
        Assert.Equal(["accuracy"], mixed.OfTask(AutoMLTask.Binary)!.Metrics.Select(m => m.Name));
        Assert.Equal(["rmse"], mixed.OfTask(AutoMLTask.Regression)!.Metrics.Select(m => m.Name));
        Assert.Null(WatchedMetrics.Parse("r2").OfTask(AutoMLTask.Multiclass));
        var e = Assert.Throws<WatchedMetricsInputException>(() => mixed.RequireTask(AutoMLTask.Binary));
        Assert.Contains("'rmse' is not a metric Vigil tracks for binary models", e.Message, StringComparison.Ordinal);
    }
}
