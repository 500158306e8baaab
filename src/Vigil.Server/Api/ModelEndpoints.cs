using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Workspace;
using Vigil.Server.Metrics;
using Vigil.Server.Scheduling;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>Models: list, get, register a bundle (from the workspace or uploaded as a zip), promote, rollback, registry history.</summary>
internal static class ModelEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapGet("/", List).WithSummary("Every registered model with its champion, latest check and counts.").Produces<IReadOnlyList<ModelView>>();
        models.MapGet("/{name}", Get).WithSummary("One model: champion, versions, latest check, status, counts.").Produces<ModelView>();
        models.MapGet("/{name}/events", (string name, WorkspaceHost host) => Results.Ok(host.Workspace.Registry.Events(host.RequireModel(name))))
            .WithSummary("Registry history: registrations, promotions, rollbacks, kept challengers.").Produces<IReadOnlyList<RegistryEvent>>();
        models.MapPost("/{name}/versions", Register)
            .WithSummary("Register a bundle folder that lies inside the workspace (path relative to it).").Produces<VersionView>(201);
        models.MapPost("/{name}/versions/upload", Upload)
            .WithSummary("Register a bundle sent as a zip archive (Content-Type application/zip); ?reason=…&promote=true|false.")
            .Accepts<byte[]>("application/zip").Produces<VersionView>(201).WithMetadata(OwnBodyReader.Instance);
        models.MapPost("/{name}/versions/register", RegisterModel)
            .WithSummary("Register a model Vigil did not train (multipart/form-data: kind onnx|mlnet|external, label, files reference, model, holdout; features, prediction, score, task, promote, reason).")
            .Accepts<IFormFile>("multipart/form-data").Produces<VersionView>(201).WithMetadata(OwnBodyReader.Instance).DisableAntiforgery();
        models.MapPost("/{name}/promote", Promote).WithSummary("Make a version the champion (atomic, recorded).").Produces<VersionView>();
        models.MapPost("/{name}/rollback", Rollback).WithSummary("Return to the previous champion (atomic, recorded).").Produces<VersionView>();
    }

    private const int RecentDetections = 20;

    internal static ModelView View(WorkspaceHost host, RetrainCoordinator retrains, ScheduledCheckFailure? failure, string name)
    {
        var versions = host.Workspace.Registry.ListVersions(name);
        var champion = versions.FirstOrDefault(v => v.IsChampion);
        var last = host.Workspace.Store.ListChecks(name, 1).FirstOrDefault();
        return new ModelView(
            name, champion?.Version, champion is null ? null : VersionView.From(champion), versions.Select(VersionView.From).ToArray(),
            last is null ? null : CheckSummary.From(last), last?.Status ?? "unchecked",
            host.Workspace.Store.CountPredictions(name), host.Workspace.Store.CountPendingLabels(name), retrains.RunningRun(name), failure,
            host.Monitor.StreamStatus(name), host.Workspace.Store.ReadStreamDetections(name, RecentDetections));
    }

    private static async Task<IResult> List(WorkspaceHost host, RetrainCoordinator retrains, IScheduledCheckFailures failures)
    {
        var models = host.Workspace.Registry.ListModels();
        var failing = await Task.WhenAll(models.Select(failures.Of));
        return Results.Ok(models.Select((m, i) => View(host, retrains, failing[i], m)).ToArray());
    }

    private static async Task<IResult> Get(string name, WorkspaceHost host, RetrainCoordinator retrains, IScheduledCheckFailures failures)
    {
        var model = host.RequireModel(name);
        return Results.Ok(View(host, retrains, await failures.Of(model), model));
    }

    private static IResult Register(string name, RegisterRequest? request, WorkspaceHost host, HttpContext context)
    {
        if (!ModelName.IsValid(name))
        {
            host.RequireModel(name); // 400 with the naming rule
        }

        var version = BundleImport.Register(host, name, request ?? new RegisterRequest(null, null, null), Actor(context));
        return Created(host, name, version);
    }

    private static IResult Created(WorkspaceHost host, string name, ModelVersion version)
    {
        host.ForgetChampion(name);
        if (version.IsChampion)
        {
            VigilMetrics.CountPromotion(name, "manual");
        }

        return Results.Created($"/api/v1/models/{name}", VersionView.From(version));
    }

    private static async Task<IResult> Upload(
        string name, string? reason, bool? promote, WorkspaceHost host, HttpContext context, IOptions<ServerOptions> options)
    {
        if (!ModelName.IsValid(name))
        {
            host.RequireModel(name); // 400 with the naming rule
        }

        var version = await BundleUpload.RegisterAsync(
            host, name, context.Request, reason, promote, options.Value.MaxBundleBytes, Actor(context), context.RequestAborted);
        return Created(host, name, version);
    }

    private static async Task<IResult> RegisterModel(string name, WorkspaceHost host, IOptions<ServerOptions> options, HttpContext context)
    {
        if (!ModelName.IsValid(name))
        {
            host.RequireModel(name); // 400 with the naming rule
        }

        var version = await ModelUpload.RegisterAsync(host, name, context.Request, Actor(context), options.Value.MaxUploadCells, context.RequestAborted);
        return Created(host, name, version);
    }

    private static IResult Promote(string name, PromoteRequest? request, WorkspaceHost host, HttpContext context)
    {
        host.RequireModel(name);
        if (request?.Version is not { } version)
        {
            throw ApiProblemException.BadRequest("Give 'version': the version to make champion.");
        }

        var versions = host.Workspace.Registry.ListVersions(name);
        var target = versions.FirstOrDefault(v => v.Version == version)
            ?? throw ApiProblemException.NotFound($"Model '{name}' has no version {version}; versions: {string.Join(", ", versions.Select(v => v.Version))}.");
        if (target.IsChampion)
        {
            throw ApiProblemException.Conflict($"Version {version} is already the champion of model '{name}'.");
        }

        var promoted = host.Workspace.Registry.Promote(name, version, request.Reason ?? "promoted through the API", Actor(context));
        host.ForgetChampion(name);
        VigilMetrics.CountPromotion(name, "manual");
        return Results.Ok(VersionView.From(promoted));
    }

    private static IResult Rollback(string name, ReasonRequest? request, WorkspaceHost host, HttpContext context)
    {
        host.RequireModel(name);
        try
        {
            var champion = host.Workspace.Registry.Rollback(name, request?.Reason ?? "rolled back through the API", Actor(context));
            host.ForgetChampion(name);
            VigilMetrics.CountPromotion(name, "rollback");
            return Results.Ok(VersionView.From(champion));
        }
        catch (WorkspaceInputException e)
        {
            throw ApiProblemException.Conflict(e.Message); // no earlier champion: the model's state, not the request, is the problem
        }
    }

    internal static string Actor(HttpContext context) =>
        context.Items[ApiKeyMiddleware.ActorItem] as string ?? "anonymous";
}
