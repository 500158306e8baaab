using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Vigil.TestSupport.Servers;

namespace Vigil.Server.Tests;

/// <summary>
/// <c>vigil serve</c> on a PostgreSQL store that goes away and comes back. A proxy in front of the test run's shared
/// server resets every connection and every new one, as a crashed server or a network cut would. The service must
/// stay up (a background loop that let the store's exception escape stopped the whole host), answer 503 with
/// Retry-After for what needs the store, say "not ready", and once the store answers again work as before, with every
/// acknowledged row stored exactly once.
/// </summary>
public sealed class StoreOutageTests
{
    private const string Model = "outage";
    private const int Rows = 40;

    /// <summary>One process alone, or a one-node cluster (Redis membership; the models' grains schedule the checks).</summary>
    public static TheoryData<bool> Modes => new() { false, true };

    [SkippableTheory]
    [MemberData(nameof(Modes))]
    public async Task The_service_outlives_a_store_outage_and_resumes_when_the_store_returns(bool cluster)
    {
        var database = PostgresServer.Require().CreateDatabase("vigil_outage");
        var redis = cluster ? RedisServer.Require() : null;
        // What each background loop logs, once, when its pass first fails and when it works again (PassGuard). On a
        // cluster node the grains schedule, so the node's own scheduler loop does not run.
        string[] loops = cluster
            ? ["Shadow scoring (listing the shadows)", "Alert dispatch"]
            : ["The scheduler's pass over the models", "Shadow scoring (listing the shadows)", "Alert dispatch"];
        using var proxy = LoopbackProxy.Start(new NpgsqlConnectionStringBuilder(database).Port);
        var store = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 }.ToString();
        var workspace = Directory.CreateTempSubdirectory("vigil-outage-").FullName;
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Vigil:Workspace"] = workspace,
            ["Vigil:Scheduler:Poll"] = "00:00:00.200",
            ["Vigil:Shadow:Poll"] = "00:00:00.200",
            ["Vigil:Alerts:Poll"] = "00:00:00.200",
        };
        string[] arguments = ["--store", store];
        if (redis is not null)
        {
            var clusterId = $"outage-{Guid.NewGuid():N}";
            settings["Vigil:Cluster:Redis"] = redis.Endpoint;
            settings["Vigil:Cluster:ClusterId"] = clusterId;
            settings["Vigil:Cluster:ServiceId"] = clusterId;
            settings["Vigil:Cluster:SiloPort"] = LoopbackPort.Next().ToString(CultureInfo.InvariantCulture);
            arguments = ["--cluster", .. arguments];
        }

        try
        {
            await using var serve = await KeyedServe.StartAsync(arguments, settings);
            var client = serve.Client;
            await serve.RegisterTrainedModelAsync(Model, workspace);
            Assert.Equal(Rows, await KeyedServe.InsertedAsync(await serve.PostRowsAsync(Model, "before", Rows)));

            proxy.Cut();
            await Poll.UntilAsync(async () => (await client.GetAsync("/ready")).StatusCode == HttpStatusCode.ServiceUnavailable, "/ready to say 503", serve.Process);
            await Poll.UntilAsync(() => loops.All(l => serve.Process.Log.Contains(l + " failed", StringComparison.Ordinal)), "every background loop to meet the outage", serve.Process);
            Assert.False(serve.Process.Process.HasExited, serve.Process.Log);
            using (var refused = await serve.PostRowsAsync(Model, "during", Rows))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(2), refused.Headers.RetryAfter?.Delta);
                var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
                Assert.Equal("Store unavailable", (string?)problem["title"]);
            }

            using (var page = await client.GetAsync("/"))
            {
                // The dashboard shows a page saying so, not the API's JSON.
                Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
                Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
                Assert.Contains("Store unavailable", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

            proxy.Restore();
            await Poll.UntilAsync(async () => (await client.GetAsync("/ready")).IsSuccessStatusCode, "/ready to say ready again", serve.Process);
            // The refused batch, sent again, is stored now; a new one too.
            Assert.Equal(Rows, await KeyedServe.InsertedAsync(await serve.PostRowsAsync(Model, "during", Rows)));
            Assert.Equal(Rows, await KeyedServe.InsertedAsync(await serve.PostRowsAsync(Model, "after", Rows)));
            await Poll.UntilAsync(() => loops.All(l => serve.Process.Log.Contains(l + " works again", StringComparison.Ordinal)), "every background loop to work again", serve.Process);
            Assert.False(serve.Process.Process.HasExited, serve.Process.Log);

            // Straight to the server, past the proxy: each acknowledged id once.
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*), COUNT(DISTINCT id) FROM predictions WHERE model = @m", connection);
            count.Parameters.AddWithValue("m", Model);
            await using var reader = await count.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal(3 * Rows, reader.GetInt64(0));
            Assert.Equal(3 * Rows, reader.GetInt64(1));
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }

    [SkippableFact]
    public async Task With_a_startup_wait_the_service_waits_for_a_store_that_is_not_up_yet()
    {
        var database = PostgresServer.Require().CreateDatabase("vigil_late");
        using var proxy = LoopbackProxy.Start(new NpgsqlConnectionStringBuilder(database).Port);
        proxy.Cut(); // the database is "starting": every connection is reset
        var store = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 }.ToString();
        var workspace = Directory.CreateTempSubdirectory("vigil-late-").FullName;
        try
        {
            var starting = KeyedServe.StartAsync(["--store", store], new Dictionary<string, string?>
            {
                ["Vigil:Workspace"] = workspace,
                ["Vigil:StoreStartupWait"] = "00:01:00",
            });
            await Poll.UntilAsync(() => proxy.Rejected >= 2 || starting.IsCompleted, "the service to try the store twice");
            proxy.Restore();
            await using var serve = await starting;
            Assert.Contains("does not answer yet", serve.Process.Log, StringComparison.Ordinal);
            await serve.RegisterTrainedModelAsync(Model, workspace);
            Assert.Equal(Rows, await KeyedServe.InsertedAsync(await serve.PostRowsAsync(Model, "late", Rows)));
        }
        finally
        {
            Directory.Delete(workspace, recursive: true);
        }
    }
}
