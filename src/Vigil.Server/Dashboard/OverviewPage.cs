using System.Text;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>The landing page: every model's health at a glance, worst first.</summary>
internal static class OverviewPage
{
    public static string Render(IReadOnlyList<ModelStatus> models, DateTimeOffset now)
    {
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<header class=\"top\"><div><h1>Models</h1><div class=\"sub\">Health of every monitored model, from its latest check. ")
            .Append("Alarms first.</div></div></header>\n");
        Cards(sb, models);
        sb.Section("models", "All models");
        if (models.Count == 0)
        {
            sb.Append(NoData("No models yet: train one with 'vigil train' or POST /api/v1/models.")).Append("</section>\n");
            return DashboardPage.Render("Models", [("Models", null)], sb.ToString(), now);
        }

        sb.Append("<div class=\"tablewrap\"><table class=\"overview\"><thead><tr><th>Status</th><th>Model</th><th>Champion</th>")
            .Append("<th>Last check</th><th>Drift share</th><th>Primary metric</th><th class=\"n\">vs baseline</th>")
            .Append("<th>Recent trend</th><th class=\"n\">Checks</th></tr></thead><tbody>");
        foreach (var m in models.OrderBy(m => Rank(m.Status)).ThenBy(m => m.Model, StringComparer.Ordinal))
        {
            Row(sb, m, now);
        }

        sb.Append("</tbody></table></div></section>\n");
        return DashboardPage.Render("Models", [("Models", null)], sb.ToString(), now);
    }

    private static void Cards(StringBuilder sb, IReadOnlyList<ModelStatus> models)
    {
        int Count(string s) => models.Count(m => m.Status == s);
        sb.Append("<div class=\"cards\">");
        Card(sb, "Models", Int(models.Count), "monitored");
        Card(sb, "Alarm", "<span class=\"" + (Count("alarm") > 0 ? "neg" : "") + "\">" + Int(Count("alarm")) + "</span>", "need attention");
        Card(sb, "Warning", Int(Count("warning")), "some drift or quality warnings");
        Card(sb, "Healthy", "<span class=\"pos\">" + Int(Count("healthy")) + "</span>", "latest check clean");
        Card(sb, "Not checked", Int(models.Count(m => m.Status is null)), "no check yet");
        sb.Append("</div>\n");
    }

    private static void Card(StringBuilder sb, string key, string valueHtml, string detail) =>
        sb.Append("<div class=\"card\"><div class=\"k\">").Append(E(key)).Append("</div><div class=\"v\">").Append(valueHtml)
            .Append("</div><div class=\"d\">").Append(E(detail)).Append("</div></div>");

    private static void Row(StringBuilder sb, ModelStatus m, DateTimeOffset now)
    {
        sb.Append("<tr><td>").Append(m.Error is null ? StatusBadge(m.Status) : Badge("unreadable", "neutral"))
            .Append("</td><td class=\"model\"><a href=\"").Append(E(ModelUrl(m.Model))).Append("\">").Append(E(m.Model)).Append("</a></td>");
        if (m.Error is not null)
        {
            sb.Append("<td colspan=\"7\" class=\"reason\">").Append(E(m.Error)).Append("</td></tr>");
            return;
        }

        sb.Append("<td>").Append(m.Champion is { } c ? "<b>" + E(c.Version) + "</b> <span class=\"sub\">" + E(c.Learner) + "</span>" : Missing)
            .Append("</td><td class=\"t\">").Append(m.LastCheck is { } t ? When(t, now) : Missing).Append("</td><td class=\"t\">");
        if (m.DriftShare is { } share)
        {
            var tone = share >= 0.5 ? "" : share > 0 ? " low" : " none";
            sb.Append("<span class=\"sharebar").Append(tone).Append("\" title=\"").Append(E(Int(m.DriftedColumns) + " of " + Int(m.ComparedColumns) + " columns drifted"))
                .Append("\"><i style=\"width:").Append(E(Fixed(Math.Clamp(share, 0, 1) * 100, 0))).Append("%\"></i></span>")
                .Append(E(Percent(share)));
        }
        else
        {
            sb.Append(Missing);
        }

        sb.Append("</td><td class=\"t\"><b>").Append(E(Metric(m.LatestValue))).Append("</b> <span class=\"sub\">").Append(E(m.PrimaryMetric))
            .Append("</span></td><td class=\"n\">").Append(Delta(m)).Append("</td><td>").Append(Sparkline(m))
            .Append("</td><td class=\"n\">").Append(E(Int(m.Checks))).Append("</td></tr>");
    }

    private static string Delta(ModelStatus m)
    {
        if (m.LatestValue is not { } v || m.Baseline is not { } b || !double.IsFinite(v - b))
        {
            return m.Baseline is { } only ? "<span class=\"sub\">baseline " + E(Metric(only)) + "</span>" : Missing;
        }

        var diff = v - b;
        var better = m.HigherIsBetter ? diff >= 0 : diff <= 0;
        return "<span class=\"" + (better ? "pos" : "neg") + "\" title=\"baseline " + E(Metric(b)) + "\">" + E(Signed(diff, "0.000")) + "</span>";
    }

    /// <summary>The primary metric over recent checks, with the baseline dotted: direction at a glance.</summary>
    private static string Sparkline(ModelStatus m)
    {
        var values = m.RecentValues;
        if (values.Count < 2)
        {
            return "<span class=\"sub\">" + E(values.Count == 0 ? "no labels yet" : "one point") + "</span>";
        }

        const double W = 120, H = 28, Pad = 3;
        var all = m.Baseline is { } b && double.IsFinite(b) ? values.Append(b).ToArray() : values.ToArray();
        var (lo, hi) = (all.Min(), all.Max());
        if (hi - lo < 1e-9)
        {
            (lo, hi) = (lo - 0.5, hi + 0.5);
        }

        double X(int i) => Pad + (i * (W - (2 * Pad)) / (values.Count - 1));
        double Y(double v) => H - Pad - ((v - lo) / (hi - lo) * (H - (2 * Pad)));
        var w = new SvgWriter(W, H, m.PrimaryMetric + " over the last " + values.Count + " evaluations", "spark");
        if (m.Baseline is { } baseline && double.IsFinite(baseline))
        {
            w.Line(Pad, Y(baseline), W - Pad, Y(baseline), ChartColors.Baseline, 1, "2 2");
        }

        var d = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            d.Append(i == 0 ? "M" : " L").Append(SvgWriter.Num(X(i))).Append(' ').Append(SvgWriter.Num(Y(values[i])));
        }

        w.Empty("path", ("d", d.ToString()), ("fill", "none"), ("stroke", ChartColors.Primary), ("stroke-width", 1.75), ("stroke-linejoin", "round"));
        w.Empty("circle", ("cx", X(values.Count - 1)), ("cy", Y(values[^1])), ("r", 2.6), ("fill", ChartColors.Primary));
        return w.ToString();
    }

    private static int Rank(string? status) => status switch
    {
        "alarm" => 0,
        "warning" => 1,
        null => 3,
        _ => 2,
    };
}
