using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Cluster.Models;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Api;

/// <summary>Retraining: request (202 + run id), list, status, cancel.</summary>
internal static class RetrainEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapPost("/{name}/retrains", Request)
            .WithSummary("Start a background retrain with champion/challenger on the most recent labelled rows (202 + run id; 409 when one runs).")
            .Produces<RetrainAccepted>(202);
        models.MapGet("/{name}/retrains", (string name, int? limit, WorkspaceHost host) =>
                Results.Ok(host.Workspace.Store.ListRetrains(host.RequireModel(name), CheckEndpoints.Limit(limit)).Select(RetrainRunView.From).ToArray()))
            .WithSummary("Retrain runs, newest first.").Produces<IReadOnlyList<RetrainRunView>>();
        models.MapGet("/{name}/retrains/{id:long}", (string name, long id, WorkspaceHost host) => Results.Ok(RetrainRunView.From(Find(host, name, id))))
            .WithSummary("One retrain run: status, and the outcome or error when finished.").Produces<RetrainRunView>();
        models.MapPost("/{name}/retrains/{id:long}/cancel", Cancel)
            .WithSummary("Cancel a running retrain (202); 409 when it has finished.").Produces<RetrainRunView>(202);
    }

    private static async Task<IResult> Request(
        string name, RetrainRequestBody? body, WorkspaceHost host, RetrainCoordinator coordinator, IOptions<ServerOptions> options, HttpContext context)
    {
        host.Champion(name);
        var scheduler = options.Value.Scheduler;
        if ((body?.BudgetSeconds is { } b && !(b > 0 && b <= 86_400)) || body?.MaxTrials is < 1 or > 10_000 || body?.Rows < ChampionChallenger.MinLabelledRows || body?.Rows > 10_000_000)
        {
            throw ApiProblemException.BadRequest(
                $"Expected budget_seconds in (0, 86400], max_trials in [1, 10000] and rows in [{ChampionChallenger.MinLabelledRows}, 10,000,000].");
        }

        TimeSpan? budget = body?.BudgetSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
        if (budget is null && body?.MaxTrials is null)
        {
            budget = scheduler.RetrainBudget;
        }

        var settings = new RetrainSettings(budget, body?.MaxTrials ?? (budget is null ? null : scheduler.RetrainMaxTrials),
            body?.Rows ?? scheduler.RetrainRows, string.IsNullOrWhiteSpace(body?.Reason) ? "requested through the API" : body.Reason,
            ModelEndpoints.Actor(context));
        var id = context.RequestServices.GetService<IGrainFactory>() is { } grains
            ? await ClusterRetrain(grains, name, settings) // on the model's grain's silo: one retrain at a time in the cluster
            : await coordinator.StartAsync(name, settings, context.RequestAborted);
        var url = $"/api/v1/models/{name}/retrains/{id.ToString(CultureInfo.InvariantCulture)}";
        return Results.Accepted(url, new RetrainAccepted(id, "running", url));
    }

    private static async Task<long> ClusterRetrain(IGrainFactory grains, string name, RetrainSettings settings)
    {
        var start = await grains.GetGrain<IModelGrain>(name).RequestRetrain(
            new RetrainAsk(settings.Budget, settings.MaxTrials, settings.Rows, settings.Reason, settings.Actor));
        return start.Run ?? throw new ApiProblemException(start.Status, start.Title ?? "Retrain not started", start.Detail ?? "The retrain did not start.");
    }

    private static async Task<IResult> Cancel(string name, long id, WorkspaceHost host, RetrainCoordinator coordinator, HttpContext context)
    {
        var run = Find(host, name, id);
        var cancelled = run.Status == RetrainStatus.Running && (coordinator.Cancel(name, id)
            || (context.RequestServices.GetService<IGrainFactory>() is { } grains && await grains.GetGrain<IModelGrain>(name).CancelRetrain(id)));
        if (!cancelled)
        {
            throw ApiProblemException.Conflict(run.Status == RetrainStatus.Running
                ? $"Retrain run {id} of model '{name}' is not running in this server (another process owns it)."
                : $"Retrain run {id} of model '{name}' has already finished as {run.Status.ToString().ToLowerInvariant()}.");
        }

        return Results.Accepted($"/api/v1/models/{name}/retrains/{id.ToString(CultureInfo.InvariantCulture)}", RetrainRunView.From(run));
    }

    private static RetrainRun Find(WorkspaceHost host, string name, long id)
    {
        host.RequireModel(name);
        var run = host.Workspace.Store.GetRetrain(id);
        return run is not null && run.Model == name ? run : throw ApiProblemException.NotFound($"Model '{name}' has no retrain run {id}.");
    }
}
