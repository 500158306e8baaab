using Vigil.Server.Api;

namespace Vigil.Server.Tests.Api;

/// <summary>The ingestion writer's own threads: never more writes at once than asked, none on the thread pool, and a drain that waits for all.</summary>
public sealed class GroupWritersTests
{
    [Fact]
    public async Task AtMostTheGivenNumberOfWritesRunAtOnceOffTheThreadPoolAndADrainWaitsForEveryOne()
    {
        using var writers = new GroupWriters(2);
        var running = 0;
        var most = 0;
        var done = 0;
        var onPool = 0;
        using var gate = new ManualResetEventSlim(false);
        for (var i = 0; i < 6; i++)
        {
            var started = writers.StartAsync(() =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                if (Thread.CurrentThread.IsThreadPoolThread)
                {
                    Interlocked.Increment(ref onPool);
                }

                gate.Wait(TimeSpan.FromSeconds(30));
                Interlocked.Decrement(ref running);
                Interlocked.Increment(ref done);
            });
            if (i == 2)
            {
                // The first two writes run at once, one on each writer, so the third waits for a free one.
                Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref running) == 2, TimeSpan.FromSeconds(30)));
                Assert.False(started.IsCompleted);
                gate.Set();
            }

            await started.WaitAsync(TimeSpan.FromSeconds(30));
        }

        await writers.DrainAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(6, Volatile.Read(ref done));
        Assert.Equal(2, most);
        Assert.Equal(0, onPool);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task FewerThanOneGroupInFlightStopsTheServiceAtStartWithOneLine()
    {
        var e = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            RunningServer.StartAsync(new Dictionary<string, string?> { ["Vigil:IngestGroupsInFlight"] = "0" }));
        Assert.Contains("Vigil:IngestGroupsInFlight must be at least 1 (got 0)", e.Message, StringComparison.Ordinal);
    }
}
