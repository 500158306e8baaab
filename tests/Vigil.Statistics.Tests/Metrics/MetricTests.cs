using Vigil.Statistics.Metrics;

namespace Vigil.Statistics.Tests.Metrics;

public class MetricTests
{
    [Fact]
    public void RocAucHandCases()
    {
        Assert.Equal(1.0, BinaryMetrics.RocAuc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9]));
        Assert.Equal(0.0, BinaryMetrics.RocAuc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]));
        Assert.Equal(0.5, BinaryMetrics.RocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]));
        Assert.Equal(0.75, BinaryMetrics.RocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])); // sklearn docs example
    }

    [Fact]
    public void AveragePrecisionDocsExample() =>
        Assert.Equal(0.8333333333333333, BinaryMetrics.AveragePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 12);

    [Fact]
    public void ClassificationCounts()
    {
        int[] y = [1, 1, 0, 0, 1];
        int[] p = [1, 0, 1, 0, 1];
        Assert.Equal(0.6, BinaryMetrics.Accuracy(y, p), 12);
        Assert.Equal(2.0 / 3, BinaryMetrics.Precision(y, p), 12);
        Assert.Equal(2.0 / 3, BinaryMetrics.Recall(y, p), 12);
        Assert.Equal(2.0 / 3, BinaryMetrics.F1(y, p), 12);
        Assert.Equal(0.0, BinaryMetrics.Precision([1, 0], [0, 0]));
        Assert.Equal(0.0, BinaryMetrics.F1([0, 0], [0, 0]));
    }

    [Fact]
    public void LogLossAndBrier()
    {
        Assert.Equal(-Math.Log(0.5), BinaryMetrics.LogLoss([0, 1], [0.5, 0.5]), 12);
        Assert.Equal(-Math.Log(1e-15), BinaryMetrics.LogLoss([1], [0.0]), 6);
        Assert.Equal(0.125, BinaryMetrics.Brier([0, 1], [0.5, 0.5]) / 2, 12);
        Assert.Throws<ArgumentException>(() => BinaryMetrics.Brier([0], [1.5]));
    }

    [Fact]
    public void MulticlassLabelsArePresentOnes()
    {
        // classCount 5 but only labels 0..2 occur: macro averages over 3 labels (sklearn default labels).
        int[] y = [0, 1, 2, 2];
        int[] p = [0, 2, 2, 2];
        Assert.Equal((1 + 0 + (2.0 / 3)) / 3, MulticlassMetrics.MacroPrecision(y, p, 5), 12);
        Assert.Equal((1 + 0 + 1.0) / 3, MulticlassMetrics.MacroRecall(y, p, 5), 12);
        Assert.Equal(0.75, MulticlassMetrics.WeightedRecall(y, p, 5), 12);
        Assert.Equal(-Math.Log(0.5), MulticlassMetrics.LogLoss([1], [0.25, 0.5, 0.25], 3), 12);
    }

    [Fact]
    public void RegressionHandCases()
    {
        Assert.Equal(1.0, RegressionMetrics.R2([3, 3], [3, 3]));
        Assert.Equal(0.0, RegressionMetrics.R2([3, 3], [3, 4]));
        Assert.Equal(Math.Sqrt(2.5), RegressionMetrics.Rmse([0, 0], [1, 2]), 12);
        Assert.Equal(1.5, RegressionMetrics.Mae([0, 0], [1, 2]), 12);
        Assert.Equal(0.5, RegressionMetrics.Mape([2, 4], [1, 6]), 12);
        Assert.True(RegressionMetrics.Mape([0], [1]) > 1e15);
    }

    [Fact]
    public void ErrorsNameTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => RegressionMetrics.Rmse([1, 2], [1]));
        Assert.Equal("yPred", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => BinaryMetrics.Accuracy([], []));
        Assert.Equal("yTrue", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc([1, 1], [0.2, 0.3]));
        Assert.Equal("yTrue", e.ParamName);
        Assert.Throws<ArgumentException>(() => MulticlassMetrics.MacroF1([0, 3], [0, 1], 3));
        Assert.Throws<ArgumentException>(() => MulticlassMetrics.LogLoss([0], [0.5, 0.5, 0.1], 2));
    }
}
