using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// A real HTTP receiver on loopback (a minimal Kestrel app): records every request's path, headers and exact body
/// bytes, answers <see cref="Status"/>, and lets a test wait for the n-th request instead of sleeping. It can be
/// started on a port chosen in advance, so a test can point a channel at it while it is down.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    private WebhookReceiver(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public Uri Url(string path = "/hook") => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>What the receiver answers; 200 unless a test changes it.</summary>
    public int Status { get; set; } = 200;

    public IReadOnlyList<Received> Requests => [.. _received];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<WebhookReceiver> StartAsync(int? port = null)
    {
        port ??= FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, port.Value);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.Add(new Received(context.Request.Path.Value ?? "", headers, buffer.ToArray()));
            return Results.StatusCode(receiver.Status);
        });
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived; fails the test after <paramref name="timeout"/>.</summary>
    public Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((count, done));
        }

        return done.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Add(Received request)
    {
        lock (_gate)
        {
            _received.Enqueue(request);
            foreach (var waiter in _waiters.Where(w => _received.Count >= w.Count).ToArray())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>One request as it arrived.</summary>
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
    }
}
