using Vigil.AutoML.Metrics;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Tests;

/// <summary>Metrics undefined on the given rows are reported with their reason; the defined ones keep their values.</summary>
public class UndefinedMetricTests
{
    private static Predictions Binary(params double[] scores) => new(AutoMLTask.Binary, scores.Length, 2, scores);

    [Fact]
    public void OneClassLabelsLeaveRocAucUndefinedAndTheRestDefined()
    {
        var e = MetricEvaluator.Evaluate(Binary(0.9, 0.2, 0.7), [1, 1, 1], null);
        Assert.Equal("the labels hold one class only; ROC AUC needs both classes", e.Undefined["roc_auc"]);
        Assert.False(e.Values.ContainsKey("roc_auc"));
        Assert.Equal(2 / 3.0, e.Values["accuracy"], 12);
        Assert.Equal(2 / 3.0, e.Values["recall"], 12);
        Assert.Equal(1.0, e.Values["precision"], 12);
        Assert.Equal(["roc_auc", "accuracy", "log_loss", "precision", "recall", "f1"], e.Names);
        Assert.Throws<ArgumentException>(() => MetricEvaluator.All(Binary(0.9, 0.2, 0.7), [1, 1, 1], null)); // the strict form still refuses
    }

    [Fact]
    public void ZeroOverZeroIsUndefinedNotZero()
    {
        // Only negatives, all predicted negative: recall, precision and F1 divide 0 by 0.
        var e = MetricEvaluator.Evaluate(Binary(0.1, 0.2), [0, 0], null);
        Assert.Contains("recall is 0/0", e.Undefined["recall"], StringComparison.Ordinal);
        Assert.Contains("precision is 0/0", e.Undefined["precision"], StringComparison.Ordinal);
        Assert.Contains("F1 is 0/0", e.Undefined["f1"], StringComparison.Ordinal);
        Assert.Equal(1.0, e.Values["accuracy"], 12);
    }

    [Fact]
    public void OneRegressionRowHasErrorsButNoR2()
    {
        var e = MetricEvaluator.Evaluate(new Predictions(AutoMLTask.Regression, 1, 0, [2.5]), null, [3.0]);
        Assert.Equal("R² needs at least two rows", e.Undefined["r2"]);
        Assert.Equal(0.5, e.Values["rmse"], 12);
        Assert.Equal(0.5, e.Values["mae"], 12);
    }

    [Fact]
    public void NoRowsDefinesNothing()
    {
        var e = MetricEvaluator.Evaluate(new Predictions(AutoMLTask.Multiclass, 0, 3, []), [], null);
        Assert.Empty(e.Values);
        Assert.Equal(["accuracy", "f1", "log_loss"], e.Undefined.Keys.Order(StringComparer.Ordinal));
    }
}
