using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Monitoring.Checks;

namespace Vigil.Server.Api;

/// <summary>A model's watched metrics: read, set (stored with the model), reset to the configured or task default.</summary>
internal static class WatchEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapGet("/{name}/watched", (string name, WorkspaceHost host) => Results.Ok(View(host, name, m => host.Monitor.Watched(m))))
            .WithSummary("The watched metrics the model's checks use (any confidently degraded is an alarm) and where they come from.").Produces<WatchView>();
        models.MapPut("/{name}/watched", Set)
            .WithSummary("Set the model's watched metrics: {metrics: [{name, max_relative_drop?}]} or {watch: \"accuracy:0.05,recall:0.10\"}.")
            .Produces<WatchView>();
        models.MapDelete("/{name}/watched", (string name, WorkspaceHost host) => Results.Ok(View(host, name, m => host.Monitor.ResetWatched(m))))
            .WithSummary("Forget the model's own watched metrics: the configured or task default applies again.").Produces<WatchView>();
    }

    private static IResult Set(string name, WatchRequest? request, WorkspaceHost host, HttpContext context)
    {
        var watched = Parse(request);
        return Results.Ok(View(host, name, m => host.Monitor.SetWatched(m, watched, ModelEndpoints.Actor(context))));
    }

    private static WatchedMetrics Parse(WatchRequest? request)
    {
        try
        {
            return request switch
            {
                { Metrics: { } list, Watch: null } => new WatchedMetrics(list.Select((m, i) => new WatchedMetric(
                    m?.Name ?? throw ApiProblemException.BadRequest($"metrics[{i}] has no 'name'."), m.MaxRelativeDrop))),
                { Metrics: null, Watch: { } spec } => WatchedMetrics.Parse(spec),
                { Metrics: not null, Watch: not null } => throw ApiProblemException.BadRequest("Give 'metrics' or 'watch', not both."),
                _ => throw ApiProblemException.BadRequest("Give 'metrics': [{name, max_relative_drop?}] or 'watch': \"accuracy:0.05,recall:0.10\"."),
            };
        }
        catch (WatchedMetricsInputException e)
        {
            throw ApiProblemException.BadRequest(e.Message);
        }
    }

    private static WatchView View(WorkspaceHost host, string name, Func<string, EffectiveWatch> read)
    {
        host.Champion(name); // 400 / 404 / 409 before anything is read or stored
        try
        {
            return WatchView.From(read(name));
        }
        catch (WatchedMetricsInputException e)
        {
            // A metric its task does not track (or a configured list that does not fit): the request, or the setting, is at fault.
            throw ApiProblemException.Unprocessable(e.Message);
        }
    }
}
