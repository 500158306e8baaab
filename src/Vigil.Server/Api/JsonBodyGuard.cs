using System.Net.Mime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Api;

/// <summary>
/// Middleware: a JSON body of an endpoint whose body the framework binds (register, promote, rollback, checks,
/// retrains) is read once, bounded by <see cref="ServerOptions.MaxRequestBytes"/>, and refused with 400 naming the byte
/// offset when it is not UTF-8; otherwise the binder would fail deep inside a string conversion. Endpoints marked
/// <see cref="OwnBodyReader"/> check their bodies themselves.
/// </summary>
internal sealed class JsonBodyGuard(RequestDelegate next, IOptions<ServerOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasJsonBody(request) || !BindsJson(context.GetEndpoint()))
        {
            await next(context);
            return;
        }

        var body = await RequestBody.ReadAsync(request, options.Value.MaxRequestBytes, context.RequestAborted);
        context.Response.RegisterForDispose(body);
        Utf8Body.Require(body.Span);
        request.Body = body.AsStream();
        await next(context);
    }

    // An endpoint whose JSON body the framework binds. Not: endpoints that read their own body, endpoints without a
    // body, and routing's own 415 answer to a content type an endpoint does not accept.
    private static bool BindsJson(Endpoint? endpoint) =>
        endpoint is not null
        && endpoint.Metadata.GetMetadata<OwnBodyReader>() is null
        && endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { } accepts
        && accepts.ContentTypes.Any(IsJson);

    private static bool IsJson(string type) =>
        type.StartsWith(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase) || type.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static bool HasJsonBody(HttpRequest request) =>
        (request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0))
        && request.ContentType is { } type && IsJson(type);
}
