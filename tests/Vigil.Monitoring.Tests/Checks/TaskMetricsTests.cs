using Vigil.AutoML;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>Monitoring's metric names and directions come from the shared vocabulary, unchanged for stored results.</summary>
public sealed class TaskMetricsTests
{
    [Fact]
    public void TrackedNames_KeepTheirStoredKeysAndOrder()
    {
        Assert.Equal(["accuracy", "roc_auc", "precision", "recall", "f1", "log_loss"], TaskMetrics.Names(AutoMLTask.Binary));
        Assert.Equal(["accuracy", "macro_f1", "log_loss"], TaskMetrics.Names(AutoMLTask.Multiclass));
        Assert.Equal(["rmse", "mae", "r2"], TaskMetrics.Names(AutoMLTask.Regression));
        Assert.Equal(["roc_auc", "log_loss", "rmse"], new[] { AutoMLTask.Binary, AutoMLTask.Multiclass, AutoMLTask.Regression }.Select(TaskMetrics.DefaultPrimary));
    }

    [Theory]
    [InlineData("accuracy", true)]
    [InlineData("roc_auc", true)]
    [InlineData("macro_f1", true)]
    [InlineData("r2", true)]
    [InlineData("log_loss", false)]
    [InlineData("rmse", false)]
    [InlineData("mae", false)]
    public void Direction(string metric, bool higherIsBetter) => Assert.Equal(higherIsBetter, TaskMetrics.HigherIsBetter(metric));

    [Fact]
    public void AnUnknownMetric_IsNamedInTheError() =>
        Assert.Contains("'auc'", Assert.Throws<ArgumentException>(() => TaskMetrics.HigherIsBetter("auc")).Message, StringComparison.Ordinal);
}
