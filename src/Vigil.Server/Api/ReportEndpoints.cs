using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Monitoring.Reports;
using Vigil.Rendering;

namespace Vigil.Server.Api;

/// <summary>The model report as JSON (ReportJson schema) and as the self-contained HTML page.</summary>
internal static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapGet("/{name}/report", (string name, WorkspaceHost host) =>
                Results.Text(ReportJson.Serialize(host.Monitor.Report(host.RequireModel(name))), "application/json"))
            .WithSummary("The monitoring report data (schema: docs/report-schema.md).");
        models.MapGet("/{name}/report.html", (string name, WorkspaceHost host) =>
                Results.Text(HtmlReport.Render(host.Monitor.Report(host.RequireModel(name))), "text/html; charset=utf-8"))
            .WithSummary("The self-contained HTML monitoring report.");
    }
}
