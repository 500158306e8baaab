using System.Text;
using Vigil.Monitoring.Reports.Model;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Monitoring.Reports.Html.HtmlFormat;

namespace Vigil.Monitoring.Reports.Html;

/// <summary>One line chart per metric series, with promotions and rollbacks marked on the time axis.</summary>
internal static class MetricSection
{
    public static void Write(StringBuilder sb, ModelReport r)
    {
        sb.Append("<section id=\"performance\"><h2>Performance over time</h2>")
            .Append("<p class=\"lead\">Each point is one evaluation on a window of labelled rows; whiskers are the confidence interval, ")
            .Append("the shaded band is the degraded zone beyond the threshold, dotted verticals mark promotions and rollbacks.</p>");
        if (r.MetricTimeline.Count == 0)
        {
            sb.Append(NoData("No data yet: no labelled evaluations have been recorded.")).Append("</section>\n");
            return;
        }

        var markers = r.Events
            .Where(e => e.Kind is "promotion" or "rollback")
            .Select(e => new ChartMarker(e.At, e.Version ?? e.Kind, e.Kind == "promotion" ? ChartColors.Good : ChartColors.Violet,
                e.Title + (e.Detail.Length > 0 ? " — " + e.Detail : "")))
            .ToList();

        foreach (var series in r.MetricTimeline)
        {
            sb.Append("<div class=\"chart\"><h3>").Append(E(series.Metric)).Append(" <span class=\"sub\">")
                .Append(series.HigherIsBetter ? "higher is better" : "lower is better").Append("</span></h3>");
            var finite = series.Points.Where(p => double.IsFinite(p.Value)).ToList();
            if (finite.Count == 0)
            {
                sb.Append(NoData("No data yet: no labelled evaluation of " + series.Metric + " so far.")).Append("</div>");
                continue;
            }

            // Keep markers inside the series' own time span so a chart is not squeezed by far-away events.
            var (lo, hi) = (finite.Min(p => p.At), finite.Max(p => p.At));
            var pad = hi > lo ? (hi - lo) * 0.1 : TimeSpan.FromDays(1);
            var points = series.Points.Select(p => new LineChartPoint(p.At, p.Value, p.CiLow, p.CiHigh, p.Degraded,
                Tooltip(series, p))).ToList();
            var options = new LineChartOptions
            {
                SeriesName = series.Metric,
                Baseline = series.Baseline,
                Threshold = series.LowerThreshold,
                HigherIsBetter = series.HigherIsBetter,
                Markers = markers.Where(m => m.At >= lo - pad && m.At <= hi + pad).ToList(),
            };
            sb.Append(LineChart.Render(points, options)).Append("</div>");
        }

        sb.Append("</section>\n");
    }

    private static string Tooltip(MetricSeries s, MetricPoint p)
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
}
