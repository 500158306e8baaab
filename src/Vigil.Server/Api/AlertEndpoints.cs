using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vigil.Server.Api;

/// <summary>Alerts with their delivery state: all models (<c>/api/v1/alerts</c>) or one (<c>/api/v1/models/{name}/alerts</c>).</summary>
internal static class AlertEndpoints
{
    public static void Map(WebApplication app, RouteGroupBuilder models)
    {
        app.MapGet("/api/v1/alerts", (string? model, int? limit, long? before, WorkspaceHost host) =>
                Results.Ok(List(host, model is null ? null : host.RequireModel(model), limit, before)))
            .WithTags("alerts")
            .WithSummary("Alerts of every model (or ?model=), newest first, with each channel's delivery (limit default 50; ?before=ID pages).")
            .Produces<IReadOnlyList<AlertView>>();
        models.MapGet("/{name}/alerts", (string name, int? limit, long? before, WorkspaceHost host) =>
                Results.Ok(List(host, host.RequireModel(name), limit, before)))
            .WithSummary("Alerts of one model, newest first, with each channel's delivery (limit default 50; ?before=ID pages).")
            .Produces<IReadOnlyList<AlertView>>();
    }

    private static AlertView[] List(WorkspaceHost host, string? model, int? limit, long? before)
    {
        if (before is < 1)
        {
            throw ApiProblemException.BadRequest("'before' must be an alert id (1 or more).");
        }

        return host.Workspace.Store.ListAlerts(model, CheckEndpoints.Limit(limit), before).Select(AlertView.From).ToArray();
    }
}
