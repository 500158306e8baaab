using System.Text;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Reports.Svg;
using Vigil.Monitoring.Store;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>
/// One column of one model: reference vs current histogram for the selected check (the latest by default), its test
/// numbers, PSI over recent checks and a table of those checks (each row selects its check).
/// </summary>
internal static class ColumnPage
{
    /// <param name="history">Recent checks that compared the column, oldest first (never empty).</param>
    public static string Render(string model, string column, IReadOnlyList<(CheckRecord Record, MonitoringResult Result, ColumnDrift Drift)> history,
        long? selectedId, DateTimeOffset now)
    {
        var selected = history.LastOrDefault(h => h.Record.Id == selectedId);
        if (selected.Drift is null)
        {
            selected = history[^1];
        }

        var d = selected.Drift;
        var isLatest = selected.Record.Id == history[^1].Record.Id;
        var sb = new StringBuilder(32 * 1024);
        sb.Append("<header class=\"top\"><div><h1>").Append(E(column)).Append(' ')
            .Append(d.Drifted ? Badge("drifted", "bad big") : Badge("stable", "good big")).Append("</h1><div class=\"sub\">")
            .Append(E(d.Type)).Append(" column of <a href=\"").Append(E(ModelUrl(model))).Append("\"><b>").Append(E(model)).Append("</b></a> · ")
            .Append(isLatest ? "latest check" : "check " + E(Int(selected.Record.Id))).Append(" (").Append(E(Time(selected.Result.Window.End)))
            .Append(") against version <b>v").Append(E(Int(selected.Record.ModelVersion))).Append("</b>")
            .Append(isLatest ? "" : " · <a href=\"" + E(ColumnUrl(model, column)) + "\">show latest</a>").Append("</div></div></header>\n");

        Cards(sb, d);
        sb.Section("histogram", "Reference vs current distribution",
            d.Type == "numeric"
                ? "Shares of rows in the bins the drift test used (reference quantiles, so the reference is roughly flat); hover a bar for its share."
                : "Share of rows per category in the reference and in the checked window; hover a bar for its share.");
        sb.Append(HistogramBins.Of(d.Histogram) is { } bins
            ? HistogramChart.Render(bins.Labels, bins.Reference, bins.Current, width: 1100, height: 320, title: column + " distribution")
            : NoData("This check did not keep the column's histogram."));
        if (d.Reason.Length > 0)
        {
            sb.Append("<p class=\"legend-note\">").Append(E(d.Reason)).Append("</p>");
        }

        sb.Append("</section>\n");
        PsiTimeline(sb, history);
        Table(sb, model, column, history, selected.Record.Id);
        return DashboardPage.Render(column + " · " + model, [("Models", "/"), (model, ModelUrl(model)), (column, null)], sb.ToString(), now);
    }

    private static void Cards(StringBuilder sb, ColumnDrift d)
    {
        var statistic = d.Test switch { "ks" => d.KsStatistic, "chi2" => d.Chi2Statistic, _ => null };
        var p = d.Test switch { "ks" => d.KsPValue, "chi2" => d.Chi2PValue, _ => null };
        sb.Append("<div class=\"cards\">");
        Card(sb, "Test", E(d.Test ?? Missing), "statistic " + E(Metric(statistic)));
        Card(sb, "p-value", E(PValue(p)), "adjusted " + E(PValue(d.PValueAdjusted)));
        Card(sb, "PSI", E(Fixed(d.Psi, 3)), "above 0.2 is a large shift");
        Card(sb, d.Type == "numeric" ? "W1 / σ" : "Jensen–Shannon", E(Fixed(d.Type == "numeric" ? d.WassersteinNormed : d.JensenShannon, 3)),
            d.Type == "numeric" ? "JS " + E(Fixed(d.JensenShannon, 3)) : d.NewCategories is { Count: > 0 } nc ? E(Int(nc.Count)) + " new categories" : "no new categories");
        Card(sb, "Rows", E(Int(d.NCurrent)), "reference " + E(Int(d.NReference)) + " · missing " + E(Int(d.MissingCurrent)));
        sb.Append("</div>\n");
    }

    private static void Card(StringBuilder sb, string key, string valueHtml, string detailHtml) =>
        sb.Append("<div class=\"card\"><div class=\"k\">").Append(E(key)).Append("</div><div class=\"v\">").Append(valueHtml)
            .Append("</div><div class=\"d\">").Append(detailHtml).Append("</div></div>");

    private static void PsiTimeline(StringBuilder sb, IReadOnlyList<(CheckRecord Record, MonitoringResult Result, ColumnDrift Drift)> history)
    {
        sb.Section("psi", "PSI over recent checks", "Population stability index per check; the shaded band is PSI above 0.2 (usually a large shift), red points were called drifted by the test.");
        var points = history.Where(h => h.Drift.Psi is { } v && double.IsFinite(v))
            .Select(h => new LineChartPoint(h.Result.Window.End, h.Drift.Psi!.Value, Flagged: h.Drift.Drifted,
                Tooltip: Time(h.Result.Window.End) + "\nPSI = " + Fixed(h.Drift.Psi, 3) + "\nadjusted p = " + PValue(h.Drift.PValueAdjusted)))
            .ToList();
        sb.Append(points.Count == 0
            ? NoData("No PSI recorded for this column.")
            : LineChart.Render(points, new LineChartOptions
            {
                Width = 1100, Height = 240, SeriesName = "PSI", Threshold = 0.2, HigherIsBetter = false, FlaggedName = "drifted",
            }));
        sb.Append("</section>\n");
    }

    private static void Table(StringBuilder sb, string model, string column,
        IReadOnlyList<(CheckRecord Record, MonitoringResult Result, ColumnDrift Drift)> history, long selectedId)
    {
        sb.Section("checks", "Recent checks", "Newest first; click a time to see that check's distribution.");
        sb.Append("<div class=\"tablewrap\"><table><thead><tr><th>Window end</th><th>Version</th><th>Test</th><th class=\"n\">Statistic</th>")
            .Append("<th class=\"n\">p</th><th class=\"n\">Adj. p</th><th class=\"n\">PSI</th><th>Status</th></tr></thead><tbody>");
        foreach (var (record, result, d) in history.Reverse())
        {
            var statistic = d.Test switch { "ks" => d.KsStatistic, "chi2" => d.Chi2Statistic, _ => null };
            var p = d.Test switch { "ks" => d.KsPValue, "chi2" => d.Chi2PValue, _ => null };
            sb.Append(record.Id == selectedId ? "<tr class=\"sel\">" : "<tr>").Append("<td class=\"t\"><a href=\"")
                .Append(E(ColumnUrl(model, column, record.Id))).Append("\">").Append(E(Time(result.Window.End))).Append("</a></td><td>v")
                .Append(E(Int(record.ModelVersion))).Append("</td><td>").Append(E(d.Test ?? Missing)).Append("</td><td class=\"n\">")
                .Append(E(Metric(statistic))).Append("</td><td class=\"n\">").Append(E(PValue(p))).Append("</td><td class=\"n\">")
                .Append(E(PValue(d.PValueAdjusted))).Append("</td><td class=\"n\">").Append(E(Fixed(d.Psi, 3))).Append("</td><td>")
                .Append(d.Drifted ? Badge("drifted", "bad") : Badge("stable", "good")).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n");
    }
}
