using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Vigil.Monitoring;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Workspace;

namespace Vigil.Server.Api;

/// <summary>
/// A version's performance estimator: which one its checks use, a refit on labelled production rows (an uploaded
/// file, or the log's newest labelled rows), and a reset to the bundle's. Refits are stored in the workspace, never in
/// the bundle; a refusal (too few labelled rows, unknown labels, no scores) stores nothing.
/// </summary>
internal static class EstimatorEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapGet("/{name}/versions/{version:int}/estimator", (string name, int version, WorkspaceHost host) =>
                Results.Ok(EstimatorSummary.From(host.Monitor.EstimatorOf(name, Version(host, name, version).Version))))
            .WithSummary("Which performance estimator the version's checks use (refitted, bundle or none), its method, calibration and baselines.")
            .Produces<EstimatorSummary>();
        models.MapPost("/{name}/versions/{version:int}/estimator", Refit)
            .WithSummary("Refit the version's estimator on labelled production rows: multipart/form-data with the file 'data' (CSV, or Parquet by its name), or JSON {\"from_log\": true, \"rows\": N}.")
            .Accepts<EstimatorRequest>("application/json", "multipart/form-data")
            .Produces<EstimatorSummary>().WithMetadata(OwnBodyReader.Instance).DisableAntiforgery();
        models.MapDelete("/{name}/versions/{version:int}/estimator", (string name, int version, WorkspaceHost host) =>
                Results.Ok(EstimatorSummary.From(host.Monitor.ResetEstimator(name, Version(host, name, version).Version))))
            .WithSummary("Forget the version's refitted estimator: its checks use the one in its bundle again.").Produces<EstimatorSummary>();
    }

    private static async Task<IResult> Refit(string name, int version, WorkspaceHost host, IOptions<ServerOptions> options, IOptions<JsonOptions> json, HttpContext context)
    {
        var target = Version(host, name, version);
        var request = context.Request;
        var actor = "api:" + ModelEndpoints.Actor(context);
        var type = request.ContentType ?? "";
        if (type.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Ok(EstimatorSummary.From(await FromUpload(host, target, request, actor, options.Value.MaxUploadCells, context.RequestAborted)));
        }

        if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            using var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, context.RequestAborted);
            Utf8Body.Require(body.Span);
            var refit = JsonSerializer.Deserialize<EstimatorRequest>(body.Span, json.Value.SerializerOptions);
            if (refit is not { FromLog: true })
            {
                throw ApiProblemException.BadRequest("Give {\"from_log\": true, \"rows\": N} to refit on the log, or upload the file 'data' as multipart/form-data.");
            }

            if (refit.Rows is < 1 or > 1_000_000)
            {
                throw ApiProblemException.BadRequest("'rows' must be between 1 and 1,000,000.");
            }

            var fitted = await Task.Run(() => host.Monitor.RefitEstimatorFromLog(name, target.Version, refit.Rows ?? VigilMonitor.DefaultRefitLogRows, actor, context.RequestAborted), context.RequestAborted);
            return Results.Ok(EstimatorSummary.From(fitted));
        }

        throw new ApiProblemException(415, "Unsupported media type",
            $"Send multipart/form-data with the file 'data', or application/json {{\"from_log\": true, \"rows\": N}} (got '{(type.Length == 0 ? "none" : type)}').");
    }

    private static async Task<VersionEstimator> FromUpload(WorkspaceHost host, ModelVersion target, HttpRequest request, string actor, long maxCells, CancellationToken cancellationToken)
    {
        var form = await MultipartForm.ReadAsync(request, cancellationToken);

        var file = form.Files.GetFile("data") ?? throw ApiProblemException.BadRequest("Give the file 'data': labelled production rows as CSV (or Parquet, by its file name).");
        var staging = Path.Combine(host.Workspace.Folder, ".staging", "estimator-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var table = ProfileAlignment.Align(ModelTrainer.LoadProfile(target), await ModelUpload.ReadCsv(file, staging, "data", maxCells, cancellationToken));
            var name = string.IsNullOrWhiteSpace(file.FileName) ? "the uploaded data" : $"the uploaded {Path.GetFileName(file.FileName)}";
            return await Task.Run(() => host.Monitor.RefitEstimator(target.Model, target.Version, table, name, actor, cancellationToken), cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Staging leftovers are harmless; the next request uses a new name.
            }
        }
    }

    // 400 / 404 for the model, 404 for a version it does not have.
    private static ModelVersion Version(WorkspaceHost host, string name, int version)
    {
        host.RequireModel(name);
        try
        {
            return host.Workspace.Registry.GetVersion(name, version);
        }
        catch (WorkspaceInputException e)
        {
            throw ApiProblemException.NotFound(e.Message);
        }
    }
}
