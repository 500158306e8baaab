using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Store;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Api;

/// <summary>Checks (run now, history, one result) and retrain decisions.</summary>
internal static class CheckEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapPost("/{name}/checks", Run)
            .WithSummary("Check logged rows now: {last: N} or {from, to}; default the scheduler's window. Saves the result and the retrain decision.")
            .Produces<CheckView>(201);
        models.MapGet("/{name}/checks", (string name, int? limit, WorkspaceHost host) =>
                Results.Ok(host.Workspace.Store.ListChecks(host.RequireModel(name), Limit(limit)).Select(CheckSummary.From).ToArray()))
            .WithSummary("Check history, newest first (limit default 50).").Produces<IReadOnlyList<CheckSummary>>();
        models.MapGet("/{name}/checks/{id:long}", Get).WithSummary("One check with its full result and decision.").Produces<CheckView>();
        models.MapGet("/{name}/decisions", (string name, int? limit, WorkspaceHost host) =>
                Results.Ok(host.Workspace.Store.ListDecisions(host.RequireModel(name), Limit(limit)).Select(DecisionView.From).ToArray()))
            .WithSummary("Retrain decisions with their reasons, newest first (limit default 50).").Produces<IReadOnlyList<DecisionView>>();
    }

    private static IResult Run(string name, CheckRequestBody? body, WorkspaceHost host, CheckRunner runner, IOptions<ServerOptions> options)
    {
        host.Champion(name);
        var window = Window(body, options.Value.Scheduler.WindowRows);
        if (host.Workspace.Store.CountPredictions(name, window.From, window.To) == 0)
        {
            throw ApiProblemException.Unprocessable($"Model '{name}' has no logged rows in that window; log predictions first.");
        }

        var outcome = runner.Run(name, window, "api");
        return Results.Created(
            $"/api/v1/models/{name}/checks/{outcome.CheckId.ToString(CultureInfo.InvariantCulture)}",
            View(host, name, outcome.CheckId));
    }

    private static IResult Get(string name, long id, WorkspaceHost host) => Results.Ok(View(host, host.RequireModel(name), id));

    private static CheckView View(WorkspaceHost host, string model, long id)
    {
        var check = host.Workspace.Store.GetCheck(id);
        if (check is null || check.Model != model)
        {
            throw ApiProblemException.NotFound($"Model '{model}' has no check {id}.");
        }

        var decision = host.Workspace.Store.GetDecisionForCheck(id);
        return new CheckView(CheckSummary.From(check), StoredJson.Parse(check.ResultJson), decision is null ? null : DecisionView.From(decision));
    }

    private static WindowSpec Window(CheckRequestBody? body, int defaultRows)
    {
        if (body?.Last is < 1 or > 1_000_000)
        {
            throw ApiProblemException.BadRequest("'last' must be between 1 and 1,000,000 rows.");
        }

        if (body is { From: { } from, To: { } to } && from >= to)
        {
            throw ApiProblemException.BadRequest("'from' must be before 'to'.");
        }

        var timed = body?.From is not null || body?.To is not null;
        return new WindowSpec { From = body?.From, To = body?.To, Last = body?.Last ?? (timed ? null : Math.Max(1, defaultRows)) };
    }

    internal static int Limit(int? limit) => limit switch
    {
        null => 50,
        < 1 or > 10_000 => throw ApiProblemException.BadRequest("'limit' must be between 1 and 10,000."),
        _ => limit.Value,
    };
}
