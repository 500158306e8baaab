using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Vigil.Cluster.Nodes;

namespace Vigil.Server.Api;

/// <summary>
/// /health: the process answers. /ready: the workspace is open and its database answers a query; on a cluster node
/// also that its silo is active in the membership, with how many silos are (503 while it joins or after it was
/// declared dead).
/// </summary>
internal static class HealthEndpoints
{
    public static void Map(WebApplication app)
    {
        // HEAD too: load balancers and orchestrators often probe with it (ASP.NET sends the status without the body).
        string[] probe = [HttpMethods.Get, HttpMethods.Head];
        app.MapMethods("/health", probe, () => Results.Ok(new { status = "ok" })).WithSummary("Liveness.").ExcludeFromDescription();
        app.MapMethods("/ready", probe, Ready).WithSummary("Readiness: workspace open and database reachable.").ExcludeFromDescription();
    }

    private static IResult Ready(WorkspaceHost host, IServiceProvider services)
    {
        if (!host.IsReady())
        {
            return Results.Problem(statusCode: 503, title: "Not ready", detail: "The workspace database does not answer.");
        }

        if (services.GetService<ClusterView>() is not { } cluster)
        {
            return Results.Ok(new { status = "ready" });
        }

        var membership = new ClusterReadiness(SiloStatusName(cluster.Status), cluster.ActiveSilos);
        return cluster.Status == SiloStatus.Active
            ? Results.Ok(new { status = "ready", cluster = membership })
            : Results.Json(new { status = "not_ready", cluster = membership }, statusCode: 503);
    }

    private static string SiloStatusName(SiloStatus status) => status.ToString().ToLowerInvariant();

    /// <param name="SiloStatus">This node's silo in the membership: active, joining, dead, …</param>
    /// <param name="ActiveSilos">Silos of the cluster that are active, this one included.</param>
    private sealed record ClusterReadiness(string SiloStatus, int ActiveSilos);
}
