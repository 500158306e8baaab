using System.Text;
using Vigil.Monitoring.Reports.Model;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>The model page's drift heatmap, the latest check's per-column drift, and its data-quality findings.</summary>
internal static class ModelDriftSections
{
    // More checks than this make cells too thin to click; older ones are in the API and the report.
    private const int HeatmapChecks = 40;

    public static void Heatmap(StringBuilder sb, ModelPageData data)
    {
        sb.Section("drift-history", "Drift history",
            "Each cell is one column in one check: darker means stronger evidence of a change (adjusted p-value); outlined cells " +
            "with a dot were called drifted. Click a column or a cell for its reference-vs-current distribution.");
        var h = data.Report.DriftHeatmap;
        if (h is null || h.Columns.Count == 0 || h.Checks.Count == 0)
        {
            sb.Append(NoData("No data yet: drift history appears after the first check.")).Append("</section>\n");
            return;
        }

        if (h.Checks.Count > HeatmapChecks)
        {
            var skip = h.Checks.Count - HeatmapChecks;
            h = h with
            {
                Checks = h.Checks.Skip(skip).ToArray(),
                Cells = h.Cells.Select(row => (IReadOnlyList<HeatmapCell>)row.Skip(skip).ToArray()).ToArray(),
            };
            sb.Append("<p class=\"legend-note\">The latest ").Append(E(Int(HeatmapChecks))).Append(" checks.</p>");
        }

        sb.Append(LinkedHeatmap.Render(data.Report.ModelName, h)).Append("</section>\n");
    }

    public static void LatestColumns(StringBuilder sb, ModelPageData data)
    {
        var cols = data.Report.LatestDrift;
        sb.Section("drift", "Drift — latest check");
        if (cols.Count == 0)
        {
            sb.Append(NoData("No data yet: no drift check has run.")).Append("</section>\n");
            return;
        }

        var drift = data.LatestCheck?.Result.Drift;
        sb.Append("<p class=\"lead\">").Append(E(Int(cols.Count(c => c.Drifted)) + " of " + Int(cols.Count) + " columns drifted"))
            .Append(drift is null ? "" : " · " + E(drift.DatasetDriftReason)).Append("</p>")
            .Append("<div class=\"tablewrap\"><table><thead><tr><th>Column</th><th>Test</th><th class=\"n\">Adj. p</th>")
            .Append("<th class=\"n\">PSI</th><th>Status</th></tr></thead><tbody>");
        var checkId = data.LatestCheck?.Record.Id;
        foreach (var c in cols.OrderBy(c => c.Drifted ? 0 : 1).ThenBy(c => c.PValueAdjusted ?? 1))
        {
            sb.Append(c.Drifted ? "<tr class=\"drifted\">" : "<tr>").Append("<td><a href=\"").Append(E(ColumnUrl(data.Report.ModelName, c.Name, checkId)))
                .Append("\" title=\"").Append(E(c.Reason)).Append("\"><b>").Append(E(c.Name)).Append("</b></a> <span class=\"sub\">")
                .Append(E(c.Type)).Append("</span></td><td>").Append(E(c.Test ?? Missing)).Append("</td><td class=\"n\">")
                .Append(E(PValue(c.PValueAdjusted))).Append("</td><td class=\"n\">").Append(E(Fixed(c.Psi, 3))).Append("</td><td>")
                .Append(c.Drifted ? Badge("drifted", "bad") : Badge("stable", "good")).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n");
    }

    public static void Quality(StringBuilder sb, ModelReport r)
    {
        sb.Section("quality", "Data quality — latest check");
        if (r.QualityFindings.Count == 0)
        {
            sb.Append(NoData("No data-quality findings in the latest check.")).Append("</section>\n");
            return;
        }

        sb.Append("<div class=\"tablewrap\"><table><thead><tr><th>Severity</th><th>Column</th><th>Finding</th></tr></thead><tbody>");
        foreach (var f in r.QualityFindings.OrderBy(f => f.Severity switch { "error" => 0, "warning" => 1, _ => 2 }))
        {
            var tone = f.Severity switch { "error" => "bad", "warning" => "warn", "info" => "info", _ => "neutral" };
            sb.Append("<tr><td>").Append(Badge(f.Severity, tone)).Append("</td><td><b>").Append(E(f.Column ?? "(table)"))
                .Append("</b></td><td><code>").Append(E(f.Kind)).Append("</code><div class=\"sub\">").Append(E(f.Detail)).Append("</div></td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n");
    }
}
