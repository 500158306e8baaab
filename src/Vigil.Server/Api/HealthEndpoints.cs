using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Vigil.Server.Api;

/// <summary>/health: the process answers. /ready: the workspace is open and its database answers a query.</summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithSummary("Liveness.").ExcludeFromDescription();
        app.MapGet("/ready", (WorkspaceHost host) => host.IsReady()
                ? Results.Ok(new { status = "ready" })
                : Results.Problem(statusCode: 503, title: "Not ready", detail: "The workspace database does not answer."))
            .WithSummary("Readiness: workspace open and database reachable.").ExcludeFromDescription();
    }
}
