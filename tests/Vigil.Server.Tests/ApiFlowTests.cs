using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>The whole loop through HTTP against the real server: register, ingest, label, check, retrain, promote, rollback, reports.</summary>
public sealed class ApiFlowTests
{
    [Fact]
    public async Task Ingest_label_check_retrain_promote_rollback_and_read_back()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");

        // Ingest 600 rows in two batches; the second repeats 100 ids. Each is one timed store write.
        var writesBefore = await StoreWrites(server);
        var first = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 300))), 200);
        Assert.Equal(300, (int)first["inserted"]!);
        var second = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(200, 400))), 200);
        Assert.Equal(300, (int)second["inserted"]!);
        Assert.Equal(100, (int)second["duplicates"]!);
        Assert.True(await StoreWrites(server) >= writesBefore + 2, "vigil_store_write_seconds counts every store write");

        // Labels: 500 join, 20 wait for predictions not yet logged, 10 repeat.
        var labels = TrainedModel.Labels(0, 500);
        foreach (var l in TrainedModel.Labels(600, 20))
        {
            labels.Add(l!.DeepClone());
        }

        foreach (var l in TrainedModel.Labels(0, 10))
        {
            labels.Add(l!.DeepClone());
        }

        var labelled = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(labels)), 200);
        Assert.Equal(500, (int)labelled["joined"]!);
        Assert.Equal(20, (int)labelled["pending"]!);
        Assert.Equal(10, (int)labelled["duplicates"]!);

        // The late labels join when their predictions arrive.
        var late = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(600, 30))), 200);
        Assert.Equal(20, (int)late["late_labels_joined"]!);

        // Score and log in one call.
        var predict = new JsonArray(new JsonObject { ["features"] = TrainedModel.Rows(700, 1)[0]!["features"]!.DeepClone() },
            new JsonObject { ["id"] = "p-1", ["features"] = TrainedModel.Rows(701, 1)[0]!["features"]!.DeepClone() });
        const string PredictCalls = "vigil_predict_duration_seconds_count{model=\"churn\"}";
        var predictsBefore = await Series(server, PredictCalls);
        var scored = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predict", RunningServer.Json(predict)), 200);
        Assert.True(await Series(server, PredictCalls) >= predictsBefore + 1, "vigil_predict_duration_seconds times every /predict call");
        Assert.Equal(2, scored["results"]!.AsArray().Count);
        Assert.Equal("p-1", (string)scored["results"]![1]!["id"]!);
        Assert.Contains((string)scored["results"]![0]!["prediction"]!, new[] { "0", "1" });
        Assert.Equal(2, (int)scored["inserted"]!);

        // Check now (last 500 rows), then read it back.
        var check = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/checks", new { last = 500 }), 201);
        var checkId = (long)check["check"]!["id"]!;
        Assert.Equal(500, (int)check["check"]!["rows"]!);
        Assert.NotNull(check["result"]!["drift"]);
        Assert.NotNull(check["decision"]!["detail"]!["summary"]);
        var history = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/checks"), 200);
        Assert.Equal(checkId, (long)history[0]!["id"]!);
        var one = await RunningServer.Expect(await server.Reader.GetAsync($"/api/v1/models/churn/checks/{checkId}"), 200);
        Assert.Equal(checkId, (long)one["check"]!["id"]!);
        var decisions = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/decisions"), 200);
        Assert.Equal(checkId, (long)decisions[0]!["check_id"]!);

        // Retrain in the background (tiny budget): 202 + id, then poll until it finishes.
        var accepted = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/retrains", new { max_trials = 2, reason = "test" }), 202);
        var runId = (long)accepted["id"]!;
        var run = await WaitForRun(server, runId);
        Assert.Equal("succeeded", (string)run["status"]!);
        Assert.Equal(2, (int)run["challenger_version"]!);
        Assert.NotNull(run["detail"]!["reason"]);

        // Promote v2 when the retrain kept v1 (or v1 back when it promoted), then roll back.
        var model = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn"), 200);
        var champion = (int)model["champion_version"]!;
        var other = champion == 1 ? 2 : 1;
        var promoted = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/promote", new { version = other, reason = "test" }), 200);
        Assert.Equal(other, (int)promoted["version"]!);
        await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/promote", new { version = other }), 409);
        var rolled = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/rollback", new { reason = "test" }), 200);
        Assert.Equal(champion, (int)rolled["version"]!);

        // Everything is visible through the API.
        model = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn"), 200);
        Assert.Equal(champion, (int)model["champion_version"]!);
        Assert.Equal(2, model["versions"]!.AsArray().Count);
        Assert.Equal(632, (long)model["rows"]!);
        Assert.Equal(0, (long)model["pending_labels"]!);
        Assert.Equal(checkId, (long)model["last_check"]!["id"]!);
        var list = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models"), 200);
        Assert.Equal("churn", (string)list[0]!["name"]!);
        var events = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/events"), 200);
        Assert.True(events.AsArray().Count >= 4);
        var retrains = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/retrains"), 200);
        Assert.Equal(runId, (long)retrains[0]!["id"]!);

        var report = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/report"), 200);
        Assert.NotNull(report);
        var html = await server.Reader.GetAsync("/api/v1/models/churn/report.html");
        Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html", await html.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_ready_and_openapi_are_open()
    {
        await using var server = await RunningServer.StartAsync();
        await RunningServer.Expect(await server.Anonymous.GetAsync("/health"), 200);
        var ready = await RunningServer.Expect(await server.Anonymous.GetAsync("/ready"), 200);
        Assert.Equal("ready", (string)ready["status"]!);
        var openapi = await RunningServer.Expect(await server.Anonymous.GetAsync("/openapi/v1.json"), 200);
        Assert.NotNull(openapi["paths"]!["/api/v1/models/{name}/predictions"]);

        // Load balancers often probe with HEAD: same status, no body.
        foreach (var path in new[] { "/health", "/ready" })
        {
            using var head = await server.Anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(System.Net.HttpStatusCode.OK, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task A_running_retrain_can_be_cancelled_and_is_recorded_as_cancelled()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 400))), 200);
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(0, 400))), 200);

        var accepted = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/retrains", new { budget_seconds = 60 }), 202);
        var runId = (long)accepted["id"]!;
        var conflict = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/retrains", new { budget_seconds = 60 }), 409);
        Assert.Contains("already running", (string)conflict["detail"]!, StringComparison.Ordinal);

        await RunningServer.Expect(await server.Writer.PostAsync($"/api/v1/models/churn/retrains/{runId}/cancel", null), 202);
        var run = await WaitForRun(server, runId);
        Assert.Equal("cancelled", (string)run["status"]!);
        await RunningServer.Expect(await server.Writer.PostAsync($"/api/v1/models/churn/retrains/{runId}/cancel", null), 409);

        // Nothing half-applied: still one version, v1 champion.
        var model = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn"), 200);
        Assert.Single(model["versions"]!.AsArray());
        Assert.Equal(1, (int)model["champion_version"]!);
    }

    [Fact]
    public async Task Stopping_the_server_cancels_a_running_retrain_and_records_it()
    {
        var server = await RunningServer.StartAsync();
        var workspace = server.Workspace;
        try
        {
            await server.RegisterAsync("churn");
            await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 400))), 200);
            await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(0, 400))), 200);
            var accepted = await RunningServer.Expect(await server.Writer.PostAsJsonAsync("/api/v1/models/churn/retrains", new { budget_seconds = 60 }), 202);
            var runId = (long)accepted["id"]!;
            await server.StopAsync();

            await using var reopened = await RunningServer.StartAsync(workspace: workspace);
            var run = await RunningServer.Expect(await reopened.Reader.GetAsync($"/api/v1/models/churn/retrains/{runId}"), 200);
            Assert.Equal("cancelled", (string)run["status"]!);
            var model = await RunningServer.Expect(await reopened.Reader.GetAsync("/api/v1/models/churn"), 200);
            Assert.Single(model["versions"]!.AsArray());
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    // The metrics registry is per process and only grows, so tests running alongside can add to it but not hide ours.
    private static Task<double> StoreWrites(RunningServer server) => Series(server, "vigil_store_write_seconds_count");

    private static async Task<double> Series(RunningServer server, string series)
    {
        var text = await server.Reader.GetStringAsync("/metrics");
        var match = System.Text.RegularExpressions.Regex.Match(
            text, "^" + System.Text.RegularExpressions.Regex.Escape(series) + " (\\S+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    internal static async Task<JsonNode> WaitForRun(RunningServer server, long runId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var run = await RunningServer.Expect(await server.Reader.GetAsync($"/api/v1/models/churn/retrains/{runId}"), 200);
            if ((string)run["status"]! != "running")
            {
                return run;
            }

            // A run still going at the deadline fails here, by name, rather than being handed back as if it had ended.
            Assert.True(DateTime.UtcNow < deadline, $"retrain {runId} was still running after 60 s");

            await Task.Delay(100);
        }
    }
}
