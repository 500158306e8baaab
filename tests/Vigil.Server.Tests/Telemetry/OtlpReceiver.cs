using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Tests.Telemetry;

/// <summary>
/// A stand-in OpenTelemetry Collector on a loopback port: accepts OTLP/HTTP posts to <c>/v1/traces</c> and
/// <c>/v1/metrics</c> and keeps each body (protobuf, whose strings are plain UTF-8, so names can be searched).
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Each post: its path, content type and body.</summary>
    public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Posts { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        OtlpReceiver? receiver = null;
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver!.Posts.Enqueue((context.Request.Path.Value!, context.Request.ContentType, body.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver = new OtlpReceiver(app, new Uri(app.Urls.First()));
        return receiver;
    }

    /// <summary>The bodies posted to <paramref name="path"/>, decoded as text for searching.</summary>
    public string[] Bodies(string path) =>
        Posts.Where(p => p.Path == path).Select(p => System.Text.Encoding.UTF8.GetString(p.Body)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
