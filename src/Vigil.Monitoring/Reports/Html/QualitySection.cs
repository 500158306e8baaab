using System.Text;
using Vigil.Monitoring.Reports.Model;
using static Vigil.Monitoring.Reports.Html.HtmlFormat;

namespace Vigil.Monitoring.Reports.Html;

/// <summary>The data-quality findings table, most severe first.</summary>
internal static class QualitySection
{
    public static void Write(StringBuilder sb, ModelReport r)
    {
        sb.Append("<section id=\"quality\"><h2>Data quality</h2>");
        if (r.QualityFindings.Count == 0)
        {
            sb.Append(NoData("No data-quality findings in the latest check.")).Append("</section>\n");
            return;
        }

        var counts = r.QualityFindings.GroupBy(f => f.Severity).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        sb.Append("<p class=\"lead\">");
        foreach (var severity in new[] { "error", "warning", "info" })
        {
            if (counts.TryGetValue(severity, out var n))
            {
                sb.Append(Badge(Int(n) + " " + severity, Tone(severity))).Append(' ');
            }
        }

        sb.Append("</p><div class=\"tablewrap\"><table><thead><tr><th>Severity</th><th>Column</th><th>Kind</th><th>Detail</th></tr></thead><tbody>");
        foreach (var f in r.QualityFindings.OrderBy(f => Rank(f.Severity)))
        {
            sb.Append("<tr><td>").Append(Badge(f.Severity, Tone(f.Severity))).Append("</td><td><b>")
                .Append(E(f.Column ?? "(table)")).Append("</b></td><td><code>").Append(E(f.Kind)).Append("</code></td><td>")
                .Append(E(f.Detail)).Append("</td></tr>");
        }

        sb.Append("</tbody></table></div></section>\n");
    }

    private static string Tone(string severity) => severity switch
    {
        "error" => "bad",
        "warning" => "warn",
        "info" => "info",
        _ => "neutral",
    };

    private static int Rank(string severity) => severity switch
    {
        "error" => 0,
        "warning" => 1,
        _ => 2,
    };
}
