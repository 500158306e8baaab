using Vigil.AutoML.Metrics;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Tests;

/// <summary>The one metric vocabulary: names, directions and tasks agree with how each metric is computed.</summary>
public sealed class MetricCatalogTests
{
    private static readonly int[] Classes = [0, 1, 1, 0, 1, 0, 1, 1, 0, 0];

    [Fact]
    public void EverySearchMetric_HasOneEntry_WithTheNameTheSearchWrites()
    {
        foreach (var metric in Enum.GetValues<Metric>().Where(m => m != Metric.Default))
        {
            var info = metric.Info();
            Assert.Equal(metric, info.Search);
            Assert.Equal(info.Name, MetricEvaluator.Name(metric));
            Assert.Single(MetricCatalog.All, m => m.Search == metric);
        }

        Assert.Equal(MetricCatalog.All.Count, MetricCatalog.All.Select(m => m.Name).Distinct().Count());
        Assert.Throws<ArgumentException>(() => Metric.Default.Info());
        Assert.Contains("roc_auc", Assert.Throws<ArgumentException>(() => MetricCatalog.Get("auc")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Metric.RocAuc)]
    [InlineData(Metric.AveragePrecision)]
    [InlineData(Metric.Accuracy)]
    [InlineData(Metric.F1)]
    [InlineData(Metric.LogLoss)]
    public void BinaryDirection_AgreesWithTheComputedValues(Metric metric)
    {
        // Confident right answers against hedged, partly wrong ones: the better model must score better in the metric's direction.
        var good = new Predictions(AutoMLTask.Binary, Classes.Length, 2, Classes.Select(c => c == 1 ? 0.95 : 0.05).ToArray());
        var poor = new Predictions(AutoMLTask.Binary, Classes.Length, 2, Classes.Select((c, i) => i % 3 == 0 ? 1.0 - (c == 1 ? 0.7 : 0.3) : c == 1 ? 0.6 : 0.4).ToArray());
        AssertDirection(metric, MetricEvaluator.Value(metric, good, Classes, null), MetricEvaluator.Value(metric, poor, Classes, null));
    }

    [Theory]
    [InlineData(Metric.R2)]
    [InlineData(Metric.Rmse)]
    [InlineData(Metric.Mae)]
    [InlineData(Metric.Mape)]
    public void RegressionDirection_AgreesWithTheComputedValues(Metric metric)
    {
        var targets = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var good = new Predictions(AutoMLTask.Regression, 10, 0, targets.Select(t => t + 0.1).ToArray());
        var poor = new Predictions(AutoMLTask.Regression, 10, 0, targets.Select((t, i) => t + (i % 2 == 0 ? 2.0 : -1.5)).ToArray());
        AssertDirection(metric, MetricEvaluator.Value(metric, good, null, targets), MetricEvaluator.Value(metric, poor, null, targets));
    }

    [Fact]
    public void TasksAgreeWithWhatTheSearchAccepts()
    {
        foreach (var metric in Enum.GetValues<Metric>().Where(m => m != Metric.Default))
        {
            foreach (var task in new[] { AutoMLTask.Binary, AutoMLTask.Multiclass, AutoMLTask.Regression })
            {
                var accepted = Record.Exception(() => MetricEvaluator.Resolve(metric, task)) is null;
                Assert.Equal(metric.Info().AppliesTo(task), accepted);
            }
        }
    }

    [Fact]
    public void TheTwoDefaults_AreNamedOnce_AndDifferOnlyForRegression()
    {
        Assert.Equal([Metric.RocAuc, Metric.LogLoss, Metric.R2], new[] { AutoMLTask.Binary, AutoMLTask.Multiclass, AutoMLTask.Regression }.Select(MetricEvaluator.DefaultFor));
        Assert.Equal(["roc_auc", "log_loss", "rmse"], new[] { AutoMLTask.Binary, AutoMLTask.Multiclass, AutoMLTask.Regression }.Select(t => MetricCatalog.MonitoringDefault(t).Name));
        foreach (var task in new[] { AutoMLTask.Binary, AutoMLTask.Multiclass, AutoMLTask.Regression })
        {
            Assert.Contains(MetricCatalog.MonitoringDefault(task), MetricCatalog.Tracked(task));
            Assert.All(MetricCatalog.Tracked(task), m => Assert.True(m.AppliesTo(task), $"{m} tracked for {task}"));
        }
    }

    private static void AssertDirection(Metric metric, double good, double poor)
    {
        Assert.NotEqual(good, poor);
        Assert.Equal(metric.Info().HigherIsBetter, good > poor);
    }
}
