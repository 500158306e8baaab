using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Tests;

/// <summary>
/// The service's retention pass (#19 §3): old checked rows go, the history the API shows stays. The clock stands
/// still (advancing a fake clock by weeks would fire every periodic timer of the server once per period); the rows'
/// own timestamps make them old or young.
/// </summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task OldCheckedRowsGoAndTheHistoryStays()
    {
        // TrainedModel.Rows stamps rows from a fixed day; the clock stands 30 days and an hour after it.
        var now = DateTimeOffset.UnixEpoch.AddDays(20000).AddDays(30).AddHours(1);
        var clock = SchedulerClock.Start(now);
        await using var server = await RunningServer.StartAsync(new()
        {
            // The background loop is off so that only the passes this test makes run.
            ["Vigil:Retention:Enabled"] = "false",
            ["Vigil:Retention:MaxAge"] = "30.00:00:00",
        }, time: clock.Time);
        await server.RegisterAsync("churn");
        var pass = server.Services.GetRequiredService<RetentionService>();

        // 300 rows older than 30 days but not yet checked: kept.
        await SchedulerTests.Post(server, TrainedModel.Rows(0, 300));
        var notChecked = pass.Pass(CancellationToken.None).Single();
        Assert.Equal((0L, 300L), (notChecked.DeletedPredictions, notChecked.Kept));

        // 50 young rows, then a check covering all 350: the old ones go, the young stay.
        var young = TrainedModel.Rows(300, 50);
        foreach (var row in young)
        {
            row!["timestamp"] = now.AddDays(-1).ToString("o", CultureInfo.InvariantCulture);
        }

        await SchedulerTests.Post(server, young);
        var check = await RunningServer.Expect(await server.Writer.PostAsync("/api/v1/models/churn/checks", RunningServer.Json(new JsonObject())), 201);
        var result = pass.Pass(CancellationToken.None).Single();
        Assert.Equal((300L, 0L), (result.DeletedPredictions, result.Kept));
        Assert.Equal(50, await Rows(server));

        // The history stays whole.
        var id = (long)check["check"]!["id"]!;
        Assert.Equal(id, (long)(await SchedulerTests.Checks(server))[0]!["id"]!);
        await RunningServer.Expect(await server.Reader.GetAsync($"/api/v1/models/churn/checks/{id}"), 200);
        Assert.Equal(0, pass.Pass(CancellationToken.None).Single().DeletedPredictions);
    }

    [Fact]
    public async Task RetentionCanBeTurnedOff()
    {
        await using var server = await RunningServer.StartAsync(new() { ["Vigil:Retention:Enabled"] = "false" });
        var service = server.Services.GetRequiredService<RetentionService>();
        Assert.NotNull(service.ExecuteTask);
        // Returns at once: no pass is ever scheduled (enabled, it waits for its first pass and this times out).
        await service.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(service.ExecuteTask.IsCompletedSuccessfully);
    }

    private static async Task<long> Rows(RunningServer server) =>
        (long)(await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn"), 200))["rows"]!;
}
