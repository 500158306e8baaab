using Vigil.Monitoring.Reporting.Model;
using static Vigil.Rendering.Html.Format;

namespace Vigil.Rendering.Svg;

/// <summary>A metric series as a line chart against its baseline and threshold, with promotions and rollbacks marked.</summary>
internal static class PerformanceCharts
{
    /// <summary>Promotions and rollbacks as vertical markers.</summary>
    public static IReadOnlyList<ChartMarker> Markers(ModelReport r) =>
        r.Events
            .Where(e => e.Kind is "promotion" or "rollback")
            .Select(e => new ChartMarker(e.At, e.Version ?? e.Kind, e.Kind == "promotion" ? ChartColors.Good : ChartColors.Violet,
                e.Title + (e.Detail.Length > 0 ? " — " + e.Detail : "")))
            .ToList();

    /// <summary>
    /// The chart of a series with at least one finite point. <paramref name="options"/> gives size and name; baseline,
    /// threshold, direction and the markers within the series' own time span are filled in.
    /// </summary>
    public static string Render(MetricSeries series, IReadOnlyList<ChartMarker> markers, LineChartOptions options,
        Func<MetricSeries, MetricPoint, string> tooltip)
    {
        // Keep markers inside the series' own time span so a chart is not squeezed by far-away events.
        var finite = series.Points.Where(p => double.IsFinite(p.Value)).ToList();
        var (lo, hi) = (finite.Min(p => p.At), finite.Max(p => p.At));
        var pad = hi > lo ? (hi - lo) * 0.1 : TimeSpan.FromDays(1);
        var points = series.Points.Select(p => new LineChartPoint(p.At, p.Value, p.CiLow, p.CiHigh, p.Degraded, tooltip(series, p))).ToList();
        return LineChart.Render(points, options with
        {
            Baseline = series.Baseline,
            BaselineSteps = series.BaselineSteps.Select(b => (b.From, b.Value, b.Version)).ToList(),
            Threshold = series.LowerThreshold,
            HigherIsBetter = series.HigherIsBetter,
            Markers = markers.Where(m => m.At >= TimeRange.Minus(lo, pad) && m.At <= TimeRange.Plus(hi, pad)).ToList(),
        });
    }

    /// <summary>The report's point tooltip: time, value with its interval, rows, degraded, check id.</summary>
    public static string ReportTooltip(MetricSeries s, MetricPoint p)
    {
        var text = Time(p.At) + "\n" + s.Metric + " = " + Metric(p.Value);
        if (p.CiLow is not null && p.CiHigh is not null)
        {
            text += " [" + Metric(p.CiLow) + ", " + Metric(p.CiHigh) + "]";
        }

        text += "\n" + Int(p.Rows) + " labelled rows";
        if (p.Degraded)
        {
            text += "\nDEGRADED";
        }

        return p.CheckId is null ? text : text + "\ncheck " + p.CheckId;
    }

    /// <summary>The dashboard's shorter point tooltip: time, value, rows, degraded.</summary>
    public static string DashboardTooltip(MetricSeries s, MetricPoint p) =>
        Time(p.At) + "\n" + s.Metric + " = " + Metric(p.Value) + "\n" + Int(p.Rows) + " labelled rows" + (p.Degraded ? "\nDEGRADED" : "");
}
