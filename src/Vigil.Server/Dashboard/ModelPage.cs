using System.Text;
using Vigil.Monitoring.Reports.Model;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>
/// One model: headline cards, the metric timeline against baseline and threshold, the drift heatmap with links to
/// each column, the latest check's drift and quality, retrain decisions with every trigger, and the version history.
/// </summary>
internal static class ModelPage
{
    public static string Render(ModelPageData data, DateTimeOffset now)
    {
        var r = data.Report;
        var sb = new StringBuilder(96 * 1024);
        Header(sb, data, now);
        Cards(sb, data, now);
        Performance(sb, r);
        ModelDriftSections.Heatmap(sb, data);
        sb.Append("<div class=\"grid2\">");
        ModelDriftSections.LatestColumns(sb, data);
        ModelDriftSections.Quality(sb, r);
        sb.Append("</div>\n");
        DecisionsSection.Write(sb, data, now);
        VersionsSection.Write(sb, data);
        return DashboardPage.Render(r.ModelName, [("Models", "/"), (r.ModelName, null)], sb.ToString(), now);
    }

    private static void Header(StringBuilder sb, ModelPageData data, DateTimeOffset now)
    {
        var r = data.Report;
        sb.Append("<header class=\"top\"><div><h1>").Append(E(r.ModelName)).Append(' ')
            .Append(data.LatestCheck is null ? Badge("no checks", "neutral big") : Badge(r.Summary.LatestStatus, StatusTone(r.Summary.LatestStatus) + " big"))
            .Append("</h1><div class=\"sub\">");
        sb.Append(r.Champion is { } c
            ? "Champion <b>" + E(c.Version) + "</b> (" + E(c.Learner) + ") · "
            : "No champion yet · ");
        sb.Append("task <b>").Append(E(r.Task)).Append("</b> · primary metric <b>").Append(E(r.PrimaryMetric)).Append("</b>");
        if (data.LatestCheck is { } latest)
        {
            sb.Append(" · last check ").Append(When(latest.Record.RanAt, now));
        }

        sb.Append("</div></div></header>\n");
        if (data.LatestCheck?.Result.Reasons is { Count: > 0 } reasons)
        {
            sb.Append("<section class=\"why\" id=\"status-reasons\"><h2>Why ").Append(E(r.Summary.LatestStatus)).Append("</h2><ul>");
            foreach (var reason in reasons)
            {
                sb.Append("<li>").Append(E(reason)).Append("</li>");
            }

            sb.Append("</ul></section>\n");
        }
    }

    private static void Cards(StringBuilder sb, ModelPageData data, DateTimeOffset now)
    {
        var r = data.Report;
        var s = r.Summary;
        var higherIsBetter = r.MetricTimeline.FirstOrDefault(m => m.Metric == r.PrimaryMetric)?.HigherIsBetter ?? true;
        sb.Append("<div class=\"cards\">");
        Card(sb, "Champion", r.Champion is { } c ? E(c.Version) : Missing,
            r.Champion is { } cc ? E(cc.Learner) + " · since " + E(ShortTime(PromotedAt(r, cc))) : "none promoted");

        var delta = s.LatestValue is null ? "no labelled evaluation yet" : "";
        if (s.LatestValue is { } latest && s.Baseline is { } baseline && double.IsFinite(latest - baseline))
        {
            var diff = latest - baseline;
            var better = higherIsBetter ? diff >= 0 : diff <= 0;
            delta = "<span class=\"" + (better ? "pos" : "neg") + "\">" + E(Signed(diff, "0.000")) + "</span> vs baseline " + E(Metric(baseline));
        }

        Card(sb, E(r.PrimaryMetric), E(Metric(s.LatestValue)), delta);
        var drift = data.LatestCheck?.Result.Drift;
        Card(sb, "Drift share", E(Percent(drift?.DriftedShare)),
            drift is null ? "no check yet" : E(Int(drift.DriftedColumns.Count) + "/" + Int(drift.Features.Columns.Count(x => !x.IsLabel)) + " columns · alarm at " + Percent(drift.DatasetDriftThreshold)));
        var (arrow, tone) = s.Trend switch { "improving" => ("▲", "pos"), "declining" => ("▼", "neg"), _ => ("▶", "") };
        Card(sb, "Trend", "<span class=\"" + tone + "\">" + arrow + " " + E(s.Trend) + "</span>",
            s.TrendSlope is { } v && double.IsFinite(v) ? E(Signed(v, "0.0000")) + " per evaluation" : "too few points");
        Card(sb, "Checks", E(Int(s.TotalEvaluations)), data.LatestCheck is { } l ? "last " + When(l.Record.RanAt, now) : "none yet");
        sb.Append("</div>\n");
    }

    private static DateTimeOffset PromotedAt(ModelReport r, VersionSummary champion) =>
        r.Events.LastOrDefault(e => e.Kind is "promotion" or "rollback" && e.Version == champion.Version)?.At ?? champion.CreatedAt;

    private static void Card(StringBuilder sb, string keyHtml, string valueHtml, string detailHtml) =>
        sb.Append("<div class=\"card\"><div class=\"k\">").Append(keyHtml).Append("</div><div class=\"v\">").Append(valueHtml)
            .Append("</div><div class=\"d\">").Append(detailHtml).Append("</div></div>");

    /// <summary>The primary metric as a full chart; the other metrics fold away beneath it.</summary>
    private static void Performance(StringBuilder sb, ModelReport r)
    {
        sb.Section("performance", "Performance over time",
            "Each point is one evaluation on a window of labelled rows with its confidence interval; the dotted line is the champion's " +
            "holdout baseline, the shaded band the degraded zone; dotted verticals mark promotions and rollbacks.");
        var series = r.MetricTimeline.Where(s => s.Points.Any(p => double.IsFinite(p.Value))).ToList();
        if (series.Count == 0)
        {
            sb.Append(NoData("No data yet: no labelled evaluations have been recorded.")).Append("</section>\n");
            return;
        }

        var markers = r.Events.Where(e => e.Kind is "promotion" or "rollback")
            .Select(e => new ChartMarker(e.At, e.Version ?? e.Kind, e.Kind == "promotion" ? ChartColors.Good : ChartColors.Violet,
                e.Title + (e.Detail.Length > 0 ? " — " + e.Detail : "")))
            .ToList();
        var primary = series.Find(s => s.Metric == r.PrimaryMetric) ?? series[0];
        sb.Append(Chart(primary, markers, 300));
        var others = series.Where(s => s != primary).ToList();
        if (others.Count > 0)
        {
            sb.Append("<details><summary>").Append(E(Int(others.Count))).Append(" more metrics</summary>");
            foreach (var s in others)
            {
                sb.Append("<h3>").Append(E(s.Metric)).Append("</h3>").Append(Chart(s, markers, 240));
            }

            sb.Append("</details>");
        }

        sb.Append("</section>\n");
    }

    private static string Chart(MetricSeries s, IReadOnlyList<ChartMarker> markers, double height)
    {
        var finite = s.Points.Where(p => double.IsFinite(p.Value)).ToList();
        var (lo, hi) = (finite.Min(p => p.At), finite.Max(p => p.At));
        var pad = hi > lo ? (hi - lo) * 0.1 : TimeSpan.FromDays(1);
        var points = s.Points.Select(p => new LineChartPoint(p.At, p.Value, p.CiLow, p.CiHigh, p.Degraded,
            Time(p.At) + "\n" + s.Metric + " = " + Metric(p.Value) + "\n" + Int(p.Rows) + " labelled rows" + (p.Degraded ? "\nDEGRADED" : ""))).ToList();
        return LineChart.Render(points, new LineChartOptions
        {
            Width = 1100,
            Height = height,
            SeriesName = s.Metric + (s.HigherIsBetter ? " (higher is better)" : " (lower is better)"),
            Baseline = s.Baseline,
            Threshold = s.LowerThreshold,
            HigherIsBetter = s.HigherIsBetter,
            Markers = markers.Where(m => m.At >= lo - pad && m.At <= hi + pad).ToList(),
        });
    }
}
