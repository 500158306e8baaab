using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Store;
using Vigil.Server.Api.Ingestion;
using Vigil.Server.Metrics;

namespace Vigil.Server.Api;

/// <summary>
/// Ingestion: logged predictions, late labels, and score-and-log with the champion. Rows are validated against the
/// champion's input schema (422 listing the bad rows, nothing stored), or with <c>?lenient=true</c> /
/// <c>Vigil:LenientIngestion</c> stored and reported as findings.
/// </summary>
internal static class IngestEndpoints
{
    public static void Map(RouteGroupBuilder models)
    {
        models.MapPost("/{name}/predictions", LogPredictions)
            .WithSummary("Log a batch of scored rows [{id, timestamp?, features{...}, prediction, score?}]; duplicates by id are counted, not stored twice. ?lenient=true stores rows that do not match the champion's schema and reports them.")
            .Accepts<JsonElement>("application/json").Produces<IngestResponse>().WithMetadata(OwnBodyReader.Instance);
        models.MapPost("/{name}/labels", LogLabels)
            .WithSummary("Log labels [{id, label, observed_at?}] joined to earlier (or later) predictions by id.")
            .Accepts<JsonElement>("application/json").Produces<LabelResponse>().WithMetadata(OwnBodyReader.Instance);
        models.MapPost("/{name}/predict", Predict)
            .WithSummary("Score rows [{id?, timestamp?, features{...}}] with the champion and log them in one call.")
            .Accepts<JsonElement>("application/json").Produces<PredictResponse>().WithMetadata(OwnBodyReader.Instance);
    }

    private static async Task<IResult> LogPredictions(
        string name, HttpRequest request, WorkspaceHost host, ChampionSchemas schemas, IngestWriter writer, IOptions<ServerOptions> options, TimeProvider time)
    {
        host.RequireModel(name);
        var lenient = Leniency.Of(request, options.Value);
        var schema = schemas.Of(name)?.Features;
        using var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, request.HttpContext.RequestAborted);
        var batch = new PredictionBatchReader(schema, lenient).Read(body.Span, scoring: false, time.GetUtcNow(), options.Value.MaxBatchRows);
        var result = await writer.LogAsync(name, batch.Rows, batch.FeaturesJson);
        VigilMetrics.CountIngest(name, result);
        VigilMetrics.CountInvalid(name, "predictions", batch.Findings.Rows);
        return Results.Ok(new IngestResponse(result.Inserted, result.Duplicates, result.LateLabelsJoined, batch.Findings.Rows, batch.Findings.Listed));
    }

    private static async Task<IResult> LogLabels(
        string name, HttpRequest request, WorkspaceHost host, ChampionSchemas schemas, IngestWriter writer, IOptions<ServerOptions> options, TimeProvider time)
    {
        host.RequireModel(name);
        var problems = new BatchProblems(Leniency.Of(request, options.Value));
        var numeric = schemas.Of(name)?.NumericLabels ?? false;
        using var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, request.HttpContext.RequestAborted);
        var labels = LabelInput.Parse(body.Span, options.Value.MaxBatchRows, problems, numeric, time.GetUtcNow());
        var result = await writer.WriteAsync(() => host.Workspace.Store.LogLabels(name, labels));
        VigilMetrics.CountLabels(name, result);
        VigilMetrics.CountInvalid(name, "labels", problems.Findings.Rows);
        return Results.Ok(new LabelResponse(result.Joined, result.Pending, result.Duplicates, problems.Findings.Rows, problems.Findings.Listed));
    }

    private static async Task<IResult> Predict(
        string name, HttpRequest request, WorkspaceHost host, IngestWriter writer, IOptions<ServerOptions> options, TimeProvider time)
    {
        var started = Stopwatch.GetTimestamp();
        var lenient = Leniency.Of(request, options.Value);
        var champion = host.ScoringChampion(name);
        var model = host.Model(champion);
        if (!model.CanScore)
        {
            throw ApiProblemException.Conflict(
                $"Model '{name}' is of kind '{model.Kind.Name()}': its predictions are made outside Vigil and arrive through POST /api/v1/models/{name}/predictions; /predict scores rows only for models Vigil can run (vigil, onnx, mlnet).");
        }

        using var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, request.HttpContext.RequestAborted);
        var batch = new PredictionBatchReader(FeatureSchema.For(model), lenient).Read(body.Span, scoring: true, time.GetUtcNow(), options.Value.MaxBatchRows);

        // Scored on the request thread: a bundle keeps a prediction engine per model for small calls (microseconds
        // per row, under the model's lock), and an ONNX session runs a row in microseconds, so a hand-off to a
        // scoring thread would only add a context switch.
        var count = batch.Rows.Count;
        var predictions = model.Predict(batch.Values!.ToTable());
        var labels = model.PredictedLabels(predictions);
        var scores = ModelScoring.Scores(predictions);
        var records = new PredictionRecord[count];
        var results = new PredictedRow[count];
        for (var i = 0; i < count; i++)
        {
            var row = batch.Rows[i];
            records[i] = row with { Prediction = labels[i], Score = scores[i], ModelVersion = champion.Version };
            results[i] = new PredictedRow(row.Id, labels[i], scores[i]);
        }

        var result = await writer.LogAsync(name, records, batch.FeaturesJson);
        VigilMetrics.CountIngest(name, result);
        VigilMetrics.CountInvalid(name, "predictions", batch.Findings.Rows);
        VigilMetrics.PredictCompleted(name, Stopwatch.GetElapsedTime(started));
        return Results.Ok(new PredictResponse(name, champion.Version, results, result.Inserted, result.Duplicates, batch.Findings.Rows, batch.Findings.Listed));
    }
}
