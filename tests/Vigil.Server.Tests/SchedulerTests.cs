using System.Text.Json.Nodes;

namespace Vigil.Server.Tests;

/// <summary>
/// The scheduler checks every N new rows, retrains when the policy says so, and resumes its count after a restart.
/// Time is a fake clock: each tick waits for the scheduler's pass, so "not checked" is asserted after a pass that ran.
/// </summary>
public sealed class SchedulerTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    internal static Dictionary<string, string?> Scheduled(int everyRows, int windowRows = 300) => new()
    {
        ["Vigil:Scheduler:Enabled"] = "true",
        ["Vigil:Scheduler:CheckEveryRows"] = everyRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vigil:Scheduler:WindowRows"] = windowRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Vigil:Scheduler:Poll"] = "00:00:01",
        // Two trials end the retrain long before this; the budget only has to survive a loaded machine, where the
        // retrain thread runs at lowered priority (with 5 s its first trial was once cut off).
        ["Vigil:Scheduler:RetrainBudget"] = "00:00:30",
        ["Vigil:Scheduler:RetrainMaxTrials"] = "2",
    };

    [Fact]
    public async Task Checks_every_n_rows_and_resumes_after_restart()
    {
        var clock = SchedulerClock.Start();
        var server = await RunningServer.StartAsync(Scheduled(300), time: clock.Time);
        var workspace = server.Workspace;
        try
        {
            await SchedulerClock.FirstPassAsync(server);
            await server.RegisterAsync("churn");
            await Post(server, TrainedModel.Rows(0, 200));
            await clock.TickAsync(server, Poll);
            Assert.Empty((await Checks(server)).AsArray()); // 200 < 300 new rows: the pass ran and did not check

            await Post(server, TrainedModel.Rows(200, 150));
            await clock.TickAsync(server, Poll);
            var checks = await Checks(server);
            Assert.Single(checks.AsArray());
            Assert.Equal(300, (int)checks[0]!["rows"]!);

            // 250 more rows before a restart: not due yet, however much time passes; after the restart the count
            // resumes from the cursor.
            await Post(server, TrainedModel.Rows(350, 250));
            await clock.TickAsync(server, Poll);
            await clock.TickAsync(server, TimeSpan.FromHours(1));
            Assert.Single((await Checks(server)).AsArray());
            await server.StopAsync();

            var restartedClock = SchedulerClock.Start(clock.Time.GetUtcNow());
            await using var restarted = await RunningServer.StartAsync(Scheduled(300), workspace, restartedClock.Time);
            await SchedulerClock.FirstPassAsync(restarted);
            await restartedClock.TickAsync(restarted, Poll);
            Assert.Single((await Checks(restarted)).AsArray()); // 250 < 300 since the last check: no re-check on start
            await Post(restarted, TrainedModel.Rows(600, 60));
            await restartedClock.TickAsync(restarted, Poll);
            var after = await Checks(restarted);
            Assert.Equal(2, after.AsArray().Count);
            Assert.Equal(300, (int)after[0]!["rows"]!); // the newest: the last 300 of 660 logged rows
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Drift_with_labels_leads_to_a_scheduled_retrain()
    {
        var clock = SchedulerClock.Start();
        await using var server = await RunningServer.StartAsync(Scheduled(600, 600), time: clock.Time); // the default policy wants 500 new labels
        await SchedulerClock.FirstPassAsync(server);
        await server.RegisterAsync("churn");
        // Labels first (they wait), then strongly drifted rows: the check alarms and the policy asks for a retrain.
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/labels", RunningServer.Json(TrainedModel.Labels(0, 600, "d"))), 200);
        await Post(server, TrainedModel.Rows(0, 600, "d", drift: true));
        await clock.TickAsync(server, Poll);
        Assert.Single((await Checks(server)).AsArray());
        var decisions = await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/decisions"), 200);
        Assert.Single(decisions.AsArray());
        Assert.True((bool)decisions[0]!["retrain"]!, decisions.ToJsonString());

        // The retrain runs on its own thread with real CPU time: wait for its outcome (not for a fixed time).
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

    internal static async Task Post(RunningServer server, JsonArray rows) =>
        await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/predictions", RunningServer.Json(rows)), 200);

    internal static async Task<JsonNode> Checks(RunningServer server) =>
        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn/checks"), 200);
}
