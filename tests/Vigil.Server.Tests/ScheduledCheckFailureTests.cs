using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Api;

namespace Vigil.Server.Tests;

/// <summary>
/// A scheduled check that fails is recorded once on the model (since, attempts, error, next attempt) and retried with
/// exponential backoff, not on every poll; the next success clears the record.
/// </summary>
public sealed class ScheduledCheckFailureTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_failing_check_is_recorded_once_and_retried_with_backoff()
    {
        var settings = SchedulerTests.Scheduled(300);
        settings["Vigil:Scheduler:FailureBackoff"] = "00:00:10";
        settings["Vigil:Scheduler:FailureBackoffMax"] = "00:00:25";
        var clock = SchedulerClock.Start();
        await using var server = await RunningServer.StartAsync(settings, time: clock.Time);
        await SchedulerClock.FirstPassAsync(server);
        await server.RegisterAsync("churn");
        Assert.Null((await Model(server))["scheduled_check_failure"]);

        // The champion's profile goes missing (a damaged workspace): every check of the model fails.
        var profile = server.Services.GetRequiredService<WorkspaceHost>().Workspace.Registry.GetChampion("churn")!.ProfilePath!;
        File.Move(profile, profile + ".aside");
        await SchedulerTests.Post(server, TrainedModel.Rows(0, 300));
        var failedAt = clock.Time.GetUtcNow() + Poll;
        await clock.TickAsync(server, Poll);
        var failure = await Failure(server);
        Assert.Equal(1, (int)failure["attempts"]!);
        Assert.Equal(failedAt, (DateTimeOffset)failure["since"]!);
        Assert.Equal(failedAt + TimeSpan.FromSeconds(10), (DateTimeOffset)failure["next_attempt_at"]!);
        var error = (string)failure["error"]!;
        Assert.Contains("has no reference profile", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);

        // Polls inside the backoff (9 s of 10) do not try again.
        for (var i = 0; i < 9; i++)
        {
            await clock.TickAsync(server, Poll);
        }

        Assert.Equal(1, (int)(await Failure(server))["attempts"]!);

        // At the backoff the check runs again, fails again, and the wait doubles (10 s, 20 s, then the 25 s cap).
        await clock.TickAsync(server, Poll);
        failure = await Failure(server);
        Assert.Equal(2, (int)failure["attempts"]!);
        Assert.Equal(failedAt, (DateTimeOffset)failure["since"]!); // the same record, updated
        Assert.Equal(failedAt + TimeSpan.FromSeconds(30), (DateTimeOffset)failure["next_attempt_at"]!);
        await clock.TickAsync(server, TimeSpan.FromSeconds(19));
        Assert.Equal(2, (int)(await Failure(server))["attempts"]!);
        await clock.TickAsync(server, Poll);
        failure = await Failure(server);
        Assert.Equal(3, (int)failure["attempts"]!);
        Assert.Equal(failedAt + TimeSpan.FromSeconds(55), (DateTimeOffset)failure["next_attempt_at"]!);
        Assert.Empty((await SchedulerTests.Checks(server)).AsArray());

        // Repaired: the next attempt succeeds, is recorded as a check, and clears the failure.
        File.Move(profile + ".aside", profile);
        await clock.TickAsync(server, TimeSpan.FromSeconds(25));
        Assert.Single((await SchedulerTests.Checks(server)).AsArray());
        Assert.Null((await Model(server))["scheduled_check_failure"]);
    }

    private static async Task<JsonNode> Model(RunningServer server) =>
        await RunningServer.Expect(await server.Reader.GetAsync("/api/v1/models/churn"), 200);

    private static async Task<JsonNode> Failure(RunningServer server) =>
        (await Model(server))["scheduled_check_failure"] ?? throw new Xunit.Sdk.XunitException("no scheduled_check_failure on the model");
}
