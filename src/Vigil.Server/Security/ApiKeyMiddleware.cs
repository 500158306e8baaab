using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Vigil.Server.Security;

/// <summary>
/// Checks the API key before anything reads the body. Open: /health, /ready, /openapi (and /metrics when
/// <see cref="ServerOptions.OpenMetrics"/>, the dashboard when <see cref="ServerOptions.OpenDashboard"/>). Everything else needs a key in <c>X-Api-Key</c> or
/// <c>Authorization: Bearer</c>: GET/HEAD need read scope, other methods write scope. 401 for a missing or unknown
/// key, 403 for a read key on a write. Also refuses a declared body larger than the limit with 413 up front.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyRing keys, IOptions<ServerOptions> options, IProblemDetailsService problems)
{
    /// <summary>Name of the authenticated key holder in <see cref="HttpContext.Items"/>.</summary>
    public const string ActorItem = "vigil.actor";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.Request.ContentLength > options.Value.MaxRequestBytes)
        {
            await Refuse(context, 413, "Payload too large",
                $"The request body has {context.Request.ContentLength} bytes; the server accepts at most {options.Value.MaxRequestBytes} (Vigil:MaxRequestBytes).");
            return;
        }

        if (IsOpen(path) || keys.IsOpen)
        {
            context.Items[ActorItem] = "anonymous";
            await next(context);
            return;
        }

        var presented = Presented(context.Request);
        if (presented is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Refuse(context, 401, "Unauthorized", "This endpoint needs an API key in the X-Api-Key header or as 'Authorization: Bearer KEY'.");
            return;
        }

        var (scope, name) = keys.Authenticate(presented);
        if (scope == ApiScope.None)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await Refuse(context, 401, "Unauthorized", "The API key is not valid.");
            return;
        }

        var needed = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) ? ApiScope.Read : ApiScope.Write;
        if (scope < needed)
        {
            await Refuse(context, 403, "Forbidden", $"The API key '{name}' has read scope; {context.Request.Method} {path} needs write scope.");
            return;
        }

        context.Items[ActorItem] = name;
        await next(context);
    }

    private bool IsOpen(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/ready") || path.StartsWithSegments("/openapi")
        || (options.Value.OpenMetrics && path.StartsWithSegments("/metrics"))
        || (options.Value.OpenDashboard && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/metrics"));

    private static string? Presented(HttpRequest request)
    {
        var header = request.Headers["X-Api-Key"].ToString();
        if (header.Length > 0)
        {
            return header;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > 7
            ? authorization[7..].Trim()
            : null;
    }

    private Task Refuse(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
