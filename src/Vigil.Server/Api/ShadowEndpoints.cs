using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Monitoring.Models;
using Vigil.Server.Metrics;

namespace Vigil.Server.Api;

/// <summary>
/// A model's shadow challenger: read (with the champion/shadow comparison), set, stop, and promote through the paired
/// test. Scoring runs in the background from the log (<see cref="Scheduling.ShadowScorer"/>), never on ingestion.
/// </summary>
internal static class ShadowEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapGet("/{name}/shadow", (string name, WorkspaceHost host) => Results.Ok(View(host, host.RequireModel(name))))
            .WithSummary("The model's shadow and the champion vs shadow comparison on the same newest labelled rows.").Produces<ShadowView>();
        models.MapPut("/{name}/shadow", Set)
            .WithSummary("Make a version the shadow: {version, reason?}. An external version cannot shadow (409), nor the champion (409).")
            .Produces<ShadowView>();
        models.MapDelete("/{name}/shadow", Clear)
            .WithSummary("Stop the model's shadow (its stored scores stay).").Produces<ShadowView>();
        models.MapPost("/{name}/shadow/promote", Promote)
            .WithSummary("Promote the shadow when the paired test says it is better on enough labelled rows (409 with the figures otherwise).")
            .Produces<ShadowView>();
    }

    private static IResult Set(string name, ShadowRequest? request, WorkspaceHost host, HttpContext context)
    {
        host.RequireModel(name);
        if (request?.Version is not { } version)
        {
            throw ApiProblemException.BadRequest("Give 'version': the version to run as the shadow.");
        }

        var versions = host.Workspace.Registry.ListVersions(name);
        if (versions.All(v => v.Version != version))
        {
            throw ApiProblemException.NotFound($"Model '{name}' has no version {version}; versions: {string.Join(", ", versions.Select(v => v.Version))}.");
        }

        host.Monitor.SetShadow(name, version, ModelEndpoints.Actor(context), request.Reason ?? "shadow set through the API");
        return Results.Ok(View(host, name));
    }

    private static IResult Clear(string name, WorkspaceHost host)
    {
        host.RequireModel(name);
        host.Monitor.ClearShadow(name);
        return Results.Ok(View(host, name));
    }

    private static IResult Promote(string name, WorkspaceHost host, HttpContext context)
    {
        host.RequireModel(name);
        var (promoted, status) = host.Monitor.PromoteShadow(name, ModelEndpoints.Actor(context));
        host.ForgetChampion(name);
        VigilMetrics.CountPromotion(name, "shadow");
        return Results.Ok(new ShadowView(name, null, status) { PromotedVersion = promoted.Version });
    }

    private static ShadowView View(WorkspaceHost host, string name)
    {
        var status = host.Monitor.ShadowStatus(name);
        return new ShadowView(name, status?.ShadowVersion, status);
    }
}
