using Vigil.Data.Tables;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Reporting;
using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Tests.Reporting;

public sealed class TrendAndHistogramTests
{
    [Fact]
    public void Slope_IsTheLeastSquaresSlopePerEvaluation()
    {
        Assert.Equal(2.0, TrendRule.Slope([1, 3, 5, 7]), 12);
        Assert.Equal(-0.089, TrendRule.Slope([0.86, 0.85, 0.74, 0.60]), 12);
    }

    [Theory]
    [InlineData(true, new[] { 0.90, 0.89, 0.88 }, "declining")]
    [InlineData(true, new[] { 0.80, 0.85, 0.90 }, "improving")]
    [InlineData(true, new[] { 0.900, 0.902, 0.904 }, "stable")] // rise 0.004 < 0.009
    [InlineData(false, new[] { 0.30, 0.35, 0.40 }, "declining")] // a loss going up
    [InlineData(false, new[] { 0.40, 0.35, 0.30 }, "improving")]
    public void Trend_IsOrientedAndHasAStableBand(bool higherIsBetter, double[] values, string expected)
    {
        var series = new MetricSeries
        {
            Metric = "m",
            HigherIsBetter = higherIsBetter,
            Baseline = 0.9,
            Points = values.Select((v, i) => new MetricPoint { At = DateTimeOffset.UnixEpoch.AddDays(i), Value = v }).ToArray(),
        };
        Assert.Equal(expected, TrendRule.Of(series).Word);
    }

    [Fact]
    public void Trend_WithFewerThanTwoPoints_HasNoSlope() =>
        Assert.Equal((null, "stable"), TrendRule.Of(new MetricSeries { Metric = "m", Points = [new MetricPoint { At = default, Value = 1 }] }));

    [Fact]
    public void CategoricalHistogram_FoldsTheTailIntoOther()
    {
        var categories = Enumerable.Range(0, 25).ToDictionary(i => "c" + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture), i => (long)(100 - i));
        var column = new ColumnProfile { Name = "c", Kind = ColumnKind.Categorical, ComparedAsCategorical = true, Categories = categories };

        var h = ReferenceHistogram.Of(column)!;

        Assert.Equal(ReferenceHistogram.MaxCategories, h.BinLabels.Count);
        Assert.Equal("c00", h.BinLabels[0]);
        Assert.Equal("(other 6)", h.BinLabels[^1]);
        Assert.Equal(1.0, h.ReferenceShares.Sum(), 12);
        Assert.Empty(h.CurrentShares);
    }

    [Fact]
    public void NumericHistogram_LabelsBinsAndSharesCounts()
    {
        var column = new ColumnProfile
        {
            Name = "x", Kind = ColumnKind.Numeric,
            Histogram = [new HistogramBin(0, 1.5, 1), new HistogramBin(1.5, 10, 3)],
        };

        var h = ReferenceHistogram.Of(column)!;

        Assert.Equal(["[0, 1.5]", "(1.5, 10]"], h.BinLabels);
        Assert.Equal([0.25, 0.75], h.ReferenceShares);
    }
}
