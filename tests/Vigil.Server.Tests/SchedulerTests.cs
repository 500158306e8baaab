using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>The scheduler checks every N new rows, retrains when the policy says so, and resumes its count after a restart.</summary>
public sealed class SchedulerTests
{
    private static Dictionary<string, string?> Scheduled(int everyRows, int windowRows = 300) => new()
    {
        ["Vigil:Scheduler:Enabled"] = "true",
        ["Vigil:Scheduler:CheckEveryRows"] = everyRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vigil:Scheduler:WindowRows"] = windowRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vigil:Scheduler:Poll"] = "00:00:00.100",
        // Two trials end the retrain long before this; the budget only has to survive a loaded machine, where the
        // retrain thread runs at lowered priority (with 5 s its first trial was once cut off).
        ["Vigil:Scheduler:RetrainBudget"] = "00:00:30",
        ["Vigil:Scheduler:RetrainMaxTrials"] = "2",
    };

    [Fact]
    public async Task Checks_every_n_rows_and_resumes_after_restart()
    {
        var server = await RunningServer.StartAsync(Scheduled(300));
        var workspace = server.Workspace;
        try
        {
            await server.RegisterAsync("churn");
            await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 200))), 200);
            await Task.Delay(500);
            Assert.Empty((await Checks(server)).AsArray()); // 200 < 300 new rows: not due

            await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(200, 150))), 200);
            var checks = await WaitForChecks(server, 1);
            Assert.Equal(300, (int)checks[0]!["rows"]!);

            // 250 more rows before a restart: not due yet; after the restart the count resumes from the cursor.
            await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(350, 250))), 200);
            await Task.Delay(400);
            Assert.Single((await Checks(server)).AsArray());
            await server.StopAsync();

            await using var restarted = await RunningServer.StartAsync(Scheduled(300), workspace);
            await Task.Delay(400);
            Assert.Single((await Checks(restarted)).AsArray()); // 250 < 300 since the last check: no re-check on start
            await RunningServer.Expect(await restarted.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(600, 60))), 200);
            Assert.Equal(2, (await WaitForChecks(restarted, 2)).AsArray().Count);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Drift_with_labels_leads_to_a_scheduled_retrain()
    {
        await using var server = await RunningServer.StartAsync(Scheduled(600, 600)); // the default policy wants 500 new labels
        await server.RegisterAsync("churn");
        // Labels first (they wait), then strongly drifted rows: the check alarms and the policy asks for a retrain.
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(0, 600, "d"))), 200);
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(TrainedModel.Rows(0, 600, "d", drift: true))), 200);
        await WaitForChecks(server, 1);
        // The decision is recorded just after its check: on a loaded machine the check can be visible first.
        var decisions = await WaitFor(server, "/api/v1/models/churn/decisions", 1);
        Assert.True((bool)decisions[0]!["retrain"]!, decisions.ToJsonString());

        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonNode runs;
        do
        {
            await Task.Delay(200);
            runs = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/retrains"), 200);
        }
        while ((runs.AsArray().Count == 0 || (string)runs[0]!["status"]! == "running") && DateTime.UtcNow < deadline);

        Assert.True((string)runs[0]!["status"]! == "succeeded", runs.ToJsonString());
        Assert.StartsWith("scheduled:", (string)runs[0]!["reason"]!, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> Checks(RunningServer server) =>
        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/checks"), 200);

    private static Task<JsonNode> WaitForChecks(RunningServer server, int count) => WaitFor(server, "/api/v1/models/churn/checks", count);

    /// <summary>Polls a list endpoint until it holds <paramref name="count"/> items (or 30 s pass; the caller's assertions then fail).</summary>
    private static async Task<JsonNode> WaitFor(RunningServer server, string path, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = await RunningServer.Expect(await server.Reader.GetAsync(path), 200);
            if (items.AsArray().Count >= count || DateTime.UtcNow > deadline)
            {
                return items;
            }

            await Task.Delay(100);
        }
    }
}
