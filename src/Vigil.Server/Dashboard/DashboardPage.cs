using System.Text;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>The page shell every dashboard page shares: head, inline CSS, top bar, breadcrumbs, footer.</summary>
internal static class DashboardPage
{
    /// <param name="crumbs">(text, href) pairs; the last one is the current page and has no link.</param>
    public static string Render(string title, IReadOnlyList<(string Text, string? Href)> crumbs, string bodyHtml, DateTimeOffset now)
    {
        var sb = new StringBuilder(bodyHtml.Length + 12 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" · Vigil</title>\n")
            .Append("<style>").Append(DashboardStyles.Css).Append("</style>\n</head>\n<body>\n")
            .Append("<nav class=\"bar\"><a class=\"brand\" href=\"/\">").Append(Logo()).Append("Vigil</a>")
            .Append("<a class=\"nav\" href=\"/\">Models</a><a class=\"nav\" href=\"/metrics\">Metrics</a>")
            .Append("<span class=\"spacer\"></span><span class=\"meta\">rendered ").Append(E(Time(now))).Append("</span></nav>\n<main>\n");
        if (crumbs.Count > 1)
        {
            sb.Append("<div class=\"crumbs\">");
            for (var i = 0; i < crumbs.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append("<span>/</span>");
                }

                var (text, href) = crumbs[i];
                sb.Append(href is null || i == crumbs.Count - 1 ? E(text) : "<a href=\"" + E(href) + "\">" + E(text) + "</a>");
            }

            sb.Append("</div>\n");
        }

        sb.Append(bodyHtml)
            .Append("<footer>Vigil model monitoring · server-rendered, no external resources</footer>\n</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>A small error page (404, 503) in the same shell.</summary>
    public static string Error(string title, string message, DateTimeOffset now) =>
        Render(title, [("Models", "/"), (title, null)],
            "<section class=\"err\"><h1>" + E(title) + "</h1><p class=\"sub\">" + E(message)
            + "</p><p><a href=\"/\">← Back to all models</a></p></section>\n", now);

    // An eye-like mark drawn with the chart primitives, so the brand needs no image file.
    private static string Logo()
    {
        var w = new SvgWriter(24, 24, "Vigil");
        w.Empty("path", ("d", "M2 12 C6 5 18 5 22 12 C18 19 6 19 2 12 Z"), ("fill", "none"), ("stroke", "#93c5fd"), ("stroke-width", 2));
        w.Empty("circle", ("cx", 12), ("cy", 12), ("r", 3.6), ("fill", "#60a5fa"));
        return w.ToString();
    }
}
