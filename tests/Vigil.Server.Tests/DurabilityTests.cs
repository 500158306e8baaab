using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Server.Tests;

/// <summary>
/// An acknowledged ingest is committed: `vigil serve` runs as a separate process, batches stream in, the process is
/// killed with SIGKILL mid-stream, restarted, and every acknowledged row is there exactly once.
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Every_acknowledged_row_survives_sigkill_exactly_once()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-kill-").FullName;
        try
        {
            TrainedModel.CopyInto(workspace);
            var port = FreePort();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", RunningServer.WriteKey);

            var server = await Start(workspace, port, client);
            await RunningServer.Expect(await client.PostAsJsonAsync("/api/v1/models/churn/versions", new { path = "imports/base" }), 201);

            // Stream batches from two concurrent writers; kill the server while they are in flight.
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            var sent = new System.Collections.Concurrent.ConcurrentBag<string>();
            var killAfter = 30;
            var batches = 0;
            async Task Writer(string prefix)
            {
                for (var b = 0; ; b++)
                {
                    var rows = TrainedModel.Rows(b * 100, 100, $"{prefix}-{b}-");
                    var ids = rows.Select(r => (string)r!["id"]!).ToArray();
                    foreach (var id in ids)
                    {
                        sent.Add(id);
                    }

                    try
                    {
                        using var response = await client.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows));
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            return;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server died: this batch is not acknowledged
                    }

                    foreach (var id in ids)
                    {
                        acknowledged.Add(id);
                    }

                    if (Interlocked.Increment(ref batches) == killAfter)
                    {
                        server.Kill(); // SIGKILL: no shutdown code runs
                    }
                }
            }

            await Task.WhenAll(Writer("a"), Writer("b"));
            await server.WaitForExitAsync();
            Assert.True(acknowledged.Count >= killAfter * 100);

            // Restart; read back through the API and through the workspace itself.
            server = await Start(workspace, port, client);
            try
            {
                var model = await RunningServer.Expect(await client.GetAsync("/api/v1/models/churn"), 200);
                var stored = (long)model["rows"]!;
                Assert.InRange(stored, acknowledged.Count, sent.Count);
            }
            finally
            {
                server.Kill();
                await server.WaitForExitAsync();
            }

            using var ws = VigilWorkspace.Open(workspace);
            var ids = ws.Store.ReadWindow("churn", WindowSpec.All).Select(r => r.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            var present = ids.ToHashSet(StringComparer.Ordinal);
            Assert.All(acknowledged, id => Assert.Contains(id, present));
            Assert.All(ids, id => Assert.Contains(id, sent));
        }
        finally
        {
            RunningServer.TryDelete(workspace);
        }
    }

    private static Task<Process> Start(string workspace, int port, HttpClient client) =>
        Alerts.ServeProcess.StartAsync(workspace, port, client, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
