using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Tests;

/// <summary>
/// Drives a running server's scheduler on a fake clock: each <see cref="TickAsync"/> moves time and waits until the
/// scheduler has finished the pass that tick started, so a test can assert what a pass did and what it did not do
/// without sleeping.
/// </summary>
internal sealed class SchedulerClock
{
    private static readonly TimeSpan PassTimeout = TimeSpan.FromSeconds(60);

    private SchedulerClock(FakeTimeProvider time) => Time = time;

    /// <summary>The server's clock (pass it to <see cref="RunningServer.StartAsync"/>).</summary>
    public FakeTimeProvider Time { get; }

    /// <summary>A clock at the real current time (stored instants stay plausible) that moves only when told.</summary>
    public static SchedulerClock Start(DateTimeOffset? at = null) => new(new FakeTimeProvider(at ?? DateTimeOffset.UtcNow));

    /// <summary>Waits for the pass the scheduler makes when it starts (before the first tick).</summary>
    public static async Task FirstPassAsync(RunningServer server)
    {
        var scheduler = Scheduler(server);
        while (scheduler.Passes < 1)
        {
            await scheduler.NextPass.WaitAsync(PassTimeout);
        }
    }

    /// <summary>Moves the clock by <paramref name="by"/> (at least one poll) and waits for the pass that starts.</summary>
    public async Task TickAsync(RunningServer server, TimeSpan by)
    {
        var scheduler = Scheduler(server);
        var pass = scheduler.NextPass; // the scheduler is idle between ticks: this is the pass the tick starts
        Time.Advance(by);
        await pass.WaitAsync(PassTimeout);
    }

    private static CheckScheduler Scheduler(RunningServer server) =>
        server.Services.GetServices<IHostedService>().OfType<CheckScheduler>().Single();
}
