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
