using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Vigil.Rendering;

namespace Vigil.Server.Security;

/// <summary>
/// Middleware: one set of security headers on every response the service sends — dashboard pages, the HTML report,
/// JSON, ProblemDetails, /metrics, 401s — set just before the headers go out, so no endpoint (and no error path) can
/// forget them. The policy allows inline styles, <c>data:</c> images and exactly one script, the HTML report's
/// print helper (by its SHA-256), and nothing from anywhere else.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>The Content-Security-Policy of every response.</summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"
        + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(HtmlReport.PrintScript)))
        + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(headers.CacheControl))
            {
                headers.CacheControl = "no-store"; // model data and keys' answers belong in no shared cache
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
