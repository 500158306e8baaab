using Vigil.Monitoring.Reports.Model;
using Vigil.Rendering.Components.Report;
using Vigil.Rendering.Html;

namespace Vigil.Rendering;

/// <summary>
/// Renders a <see cref="ModelReport"/> as one self-contained HTML page: inline CSS and server-side SVG, no external
/// requests, readable printed. Every piece of user text is encoded; empty sections say "no data yet".
/// </summary>
public static class HtmlReport
{
    /// <summary>
    /// The page's only script: collapsed sections still print, so every &lt;details&gt; opens before printing (the page
    /// works without it). Public so a server can allow exactly this script by its hash in a Content-Security-Policy.
    /// </summary>
    public const string PrintScript = "addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true})});";

    public static string Render(ModelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return PageRenderer.Render<ReportPage>(Parameters(report));
    }

    public static Task<string> RenderAsync(ModelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return PageRenderer.RenderAsync<ReportPage>(Parameters(report));
    }

    private static Dictionary<string, object?> Parameters(ModelReport report) => new() { [nameof(ReportPage.Report)] = report };
}
