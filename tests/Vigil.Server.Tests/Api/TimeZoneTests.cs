using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// A time without an offset means UTC whatever the server's zone. Before, on a server with <c>TZ=Asia/Tokyo</c>,
/// <c>2024-06-01T12:00:00</c> was stored as 03:00 UTC while <c>2024-06-01 12:00:00</c> was stored as 12:00 UTC: the
/// same instant in two spellings landed nine hours apart. `vigil serve` runs as a child process with its own TZ.
/// </summary>
public sealed class TimeZoneTests
{
    [Fact]
    public async Task A_naive_timestamp_is_utc_on_a_server_in_another_time_zone()
    {
        var workspace = Directory.CreateTempSubdirectory("vigil-tz-").FullName;
        Process? server = null;
        try
        {
            TrainedModel.CopyInto(workspace);
            var port = FreePort();
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            client.DefaultRequestHeaders.Add("X-Api-Key", RunningServer.WriteKey);
            server = await Alerts.ServeProcess.StartAsync(workspace, port, client, new Dictionary<string, string?> { ["TZ"] = "Asia/Tokyo" });
            await RunningServer.Expect(await client.PostAsJsonAsync("/api/v1/models/churn/versions", new { path = "imports/base" }), 201);

            var rows = TrainedModel.Rows(0, 2, "tz");
            rows[0]!["timestamp"] = "2024-06-01T12:00:00";
            rows[1]!["timestamp"] = "2024-06-01 12:00:30";
            await RunningServer.Expect(await client.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows)), 200);

            var check = await RunningServer.Expect(await client.PostAsJsonAsync("/api/v1/models/churn/checks",
                new { from = "2024-06-01T12:00:00Z", to = "2024-06-01T12:01:00Z" }), 201);
            Assert.Equal(2, (int)check["check"]!["rows"]!);

            // The window's own naive ends are UTC too.
            check = await RunningServer.Expect(await client.PostAsJsonAsync("/api/v1/models/churn/checks",
                new { from = "2024-06-01T12:00:00", to = "2024-06-01T12:01:00" }), 201);
            Assert.Equal("2024-06-01T12:00:00+00:00", (string)check["check"]!["window_start"]!);
        }
        finally
        {
            if (server is not null)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
                server.Dispose();
            }

            RunningServer.TryDelete(workspace);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
