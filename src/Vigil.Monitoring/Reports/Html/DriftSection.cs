using System.Text;
using Vigil.Monitoring.Reports.Model;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Monitoring.Reports.Html.HtmlFormat;

namespace Vigil.Monitoring.Reports.Html;

/// <summary>The latest check's per-column drift table and reference-vs-current histograms as small multiples.</summary>
internal static class DriftSection
{
    // Beyond this many columns the histograms fold away so the page stays scannable.
    private const int OpenMultiplesLimit = 12;

    public static void Write(StringBuilder sb, ModelReport r)
    {
        var cols = r.LatestDrift;
        var drifted = cols.Count(c => c.Drifted);
        sb.Append("<section id=\"drift\"><h2>Data drift — latest check</h2>");
        if (cols.Count == 0)
        {
            sb.Append(NoData("No data yet: no drift check has run.")).Append("</section>\n");
            return;
        }

        sb.Append("<p class=\"lead\">").Append(E(Int(drifted))).Append(" of ").Append(E(Int(cols.Count)))
            .Append(" columns drifted. p-values are adjusted for testing many columns at once; PSI above 0.2 and ")
            .Append("Jensen–Shannon above 0.1 are usually large shifts.</p>");
        Table(sb, cols);

        var withHistogram = cols.Where(c => c.Histogram is { BinLabels.Count: > 0 }).ToList();
        if (withHistogram.Count == 0)
        {
            sb.Append("</section>\n");
            return;
        }

        // Drifted columns first: they are what a reader came to see.
        var ordered = withHistogram.OrderBy(c => c.Drifted ? 0 : 1).ToList();
        var folded = ordered.Count > OpenMultiplesLimit;
        sb.Append(folded
            ? "<details><summary>Show " + E(Int(ordered.Count)) + " column distributions</summary>"
            : "<h3 style=\"margin-top:18px\">Reference vs current distributions</h3>");
        sb.Append("<div class=\"multiples\">");
        foreach (var c in ordered)
        {
            var h = c.Histogram!;
            sb.Append("<div class=\"multiple\" id=\"hist-").Append(E(Slug(c.Name))).Append("\"><h3><span class=\"name\" title=\"")
                .Append(E(c.Name)).Append("\">").Append(E(c.Name)).Append("</span>")
                .Append(c.Drifted ? Badge("drifted", "bad") : Badge("stable", "good")).Append("</h3>")
                .Append("<div class=\"stats\">").Append(E(c.Type)).Append(" · adj. p ").Append(E(PValue(c.PValueAdjusted)))
                .Append(" · PSI ").Append(E(Fixed(c.Psi, 3))).Append("</div>")
                .Append(HistogramChart.Render(h.BinLabels, h.ReferenceShares, h.CurrentShares, width: 330, height: 200, title: c.Name + " distribution"))
                .Append("</div>");
        }

        sb.Append("</div>").Append(folded ? "</details>" : "").Append("</section>\n");
    }

    private static void Table(StringBuilder sb, IReadOnlyList<DriftColumnView> cols)
    {
        sb.Append("<div class=\"tablewrap\"><table class=\"drift\"><thead><tr><th>Column</th><th>Type</th><th>Test</th>")
            .Append("<th class=\"n\">Statistic</th><th class=\"n\">p</th><th class=\"n\">Adj. p</th><th class=\"n\">PSI</th>")
            .Append("<th class=\"n\">JS</th><th class=\"n\">W/σ</th><th>Status</th><th>Reason</th></tr></thead><tbody>");
        foreach (var c in cols)
        {
            sb.Append(c.Drifted ? "<tr class=\"drifted\">" : "<tr>")
                .Append("<td><b>").Append(E(c.Name)).Append("</b></td><td>").Append(E(c.Type)).Append("</td><td>")
                .Append(E(c.Test ?? Missing)).Append("</td><td class=\"n\">").Append(E(Metric(c.Statistic)))
                .Append("</td><td class=\"n\">").Append(E(PValue(c.PValue))).Append("</td><td class=\"n\">")
                .Append(E(PValue(c.PValueAdjusted))).Append("</td><td class=\"n\">").Append(E(Fixed(c.Psi, 3)))
                .Append("</td><td class=\"n\">").Append(E(Fixed(c.JensenShannon, 3))).Append("</td><td class=\"n\">")
                .Append(E(Fixed(c.WassersteinNormed, 3))).Append("</td><td>")
                .Append(c.Drifted ? Badge("drifted", "bad") : Badge("stable", "good")).Append("</td><td class=\"reason\">")
                .Append(E(c.Reason)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div>");
    }

    /// <summary>An id-safe form of a column name (letters, digits, '-'); collisions only cost a link target.</summary>
    private static string Slug(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name)
        {
            sb.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-');
        }

        return sb.ToString();
    }
}
