using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Workspace;

namespace Vigil.Server.Api;

/// <summary>
/// Turns exceptions into ProblemDetails: the caller's mistakes get 400/404/409/413/422 with the library's clear
/// message; anything else is a 500 whose details stay in the log.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail, errors) = Describe(exception);
        if (status is StoreUnavailable or StorageFull)
        {
            // One line, no stack: during an outage or while the disk is full every request says the same.
            logger.LogWarning("{Title} on {Method} {Path}: {Message}", title, httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        }
        else if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StoreUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (errors is { Count: > 0 })
        {
            problem.Extensions["errors"] = errors;
        }

        if (exception is ApiProblemException { Rows: { Count: > 0 } rows })
        {
            problem.Extensions["rows"] = rows; // the same problems, structured: row, field, expected, found
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private const int StoreUnavailable = 503;
    private const int StorageFull = 507;

    /// <summary>
    /// Retry-After of a 503 for a store that does not answer (here and on the dashboard's pages): a store restart or a
    /// network blip usually passes within seconds, and clients that honour the header come back then.
    /// </summary>
    internal const string RetryAfterSeconds = "2";

    /// <summary>Status, title, message and item errors for an exception.</summary>
    public static (int Status, string Title, string Detail, IReadOnlyList<string>? Errors) Describe(Exception exception) => exception switch
    {
        ApiProblemException e => (e.Status, e.Title, e.Message, e.Errors),
        BadHttpRequestException { StatusCode: 413 } => (413, "Payload too large", "The request body is larger than the server accepts (Vigil:MaxRequestBytes).", null),
        BadHttpRequestException e when e.InnerException is JsonException j => (400, "Invalid JSON", WithPath(j), null),
        BadHttpRequestException { StatusCode: 415 } e => (415, "Unsupported media type", e.Message, null),
        BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message, null),
        JsonException e => (400, "Invalid JSON", e.Message, null),
        WorkspaceInputException e => (422, "Unprocessable content", e.Message, null),
        Vigil.Monitoring.Models.ModelKindException e => (409, "Not possible for this model kind", e.Message, null),
        Vigil.Monitoring.Shadows.ShadowStateException e => (409, "Conflict", e.Message, null),
        Vigil.Monitoring.Models.ModelInputException e => (422, "Invalid model", e.Message, null),
        Vigil.Monitoring.Checks.WatchedMetricsInputException e => (422, "Unprocessable content", e.Message, null),
        Vigil.Monitoring.Estimation.EstimatorInputException e => (422, "Unprocessable content", e.Message, null),
        AutoMLException e => (422, "Unprocessable content", e.Message, null),
        BundleFormatException e => (422, "Invalid model bundle", e.Message, null),
        CsvFormatException e => (422, "Invalid CSV", e.Message, null),
        Vigil.Data.Files.TableFileException e => (422, "Invalid data file", e.Message, null),
        SchemaMismatchException e => (422, "Schema mismatch", e.Message, null),
        // Compressed data the caller sent (a zip upload) that System.IO.Compression cannot read, wherever it is first
        // touched (listing a damaged central directory threw past the upload's own check; found by fuzzing).
        InvalidDataException e => (422, "Unprocessable content", "The zip archive is damaged: " + e.Message, null),
        OperationCanceledException => (499, "Cancelled", "The request was cancelled.", null),
        // Before the catch-all, the store's own state, not the caller's mistake. A full disk first: PostgreSQL's
        // disk_full also counts as transient.
        _ when Vigil.Stores.StoreFaults.IsStorageFull(exception) => (StorageFull, "Insufficient storage",
            "The disk under the workspace's database is full, so this request was not stored; rows acknowledged before " +
            "are kept. Free space (or enlarge the volume) and send it again.", null),
        // A store that is down or restarting is worth a retry; retrying an ingestion is safe (each id's first row is kept).
        _ when Vigil.Stores.StoreFaults.IsUnavailable(exception) => (StoreUnavailable, "Store unavailable",
            "The workspace's database did not answer, so this request may not have been completed; try again shortly (a retried " +
            "ingestion keeps each id's first row). /ready says when the database answers again.", null),
        _ => (500, "Internal error", "The server failed while handling the request; the error is in the server log.", null),
    };

    // A converter's own message ("Expected an ISO 8601 …") does not get the JSON path the serializer's messages carry.
    private static string WithPath(JsonException e) =>
        e.Path is { Length: > 0 } path && !e.Message.Contains("Path: ", StringComparison.Ordinal) ? $"{e.Message} Path: {path}." : e.Message;
}
