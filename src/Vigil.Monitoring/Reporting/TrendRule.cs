using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// The trend of a metric series: the ordinary least-squares slope of its values against the evaluation index
/// (0, 1, …, n − 1; metric units per evaluation). The trend is <c>stable</c> when the fitted line's rise over the
/// series, |slope| × (n − 1), is below <see cref="StableShare"/> of |baseline| (of the mean |value| when there is no
/// non-zero baseline); otherwise <c>improving</c> or <c>declining</c> by the metric's direction.
/// </summary>
internal static class TrendRule
{
    /// <summary>1 %: a total fitted change smaller than this share of the baseline is noise for a report headline.</summary>
    public const double StableShare = 0.01;

    public static (double? Slope, string Word) Of(MetricSeries? series)
    {
        if (series is null || series.Points.Count < 2)
        {
            return (null, "stable");
        }

        var values = series.Points.Select(p => p.Value).ToArray();
        var slope = Slope(values);
        var reference = series.Baseline is { } b && b != 0 ? Math.Abs(b) : values.Average(Math.Abs);
        var rise = Math.Abs(slope) * (values.Length - 1);
        if (rise < StableShare * reference || slope == 0)
        {
            return (slope, "stable");
        }

        return (slope, (slope > 0) == series.HigherIsBetter ? "improving" : "declining");
    }

    /// <summary>OLS slope of <paramref name="y"/> on 0, 1, …, n − 1 (n ≥ 2).</summary>
    public static double Slope(IReadOnlyList<double> y)
    {
        var n = y.Count;
        var meanX = (n - 1) / 2.0;
        var meanY = y.Average();
        double sxy = 0, sxx = 0;
        for (var i = 0; i < n; i++)
        {
            sxy += (i - meanX) * (y[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
        }

        return sxy / sxx;
    }
}
