using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Vigil.Stores;

namespace Vigil.Server.Api;

/// <summary>
/// Opens the store at start, waiting up to <see cref="ServerOptions.StoreStartupWait"/> for one that does not answer
/// yet (Polly retries with growing pauses). Only an outage is waited for (<see cref="StoreFaults.IsUnavailable"/>):
/// a wrong password, a missing database or a newer schema fails at once, since waiting would not change it.
/// </summary>
internal static class StoreStartup
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

    public static T Open<T>(TimeSpan wait, string store, ILogger logger, Func<T> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (wait <= TimeSpan.Zero)
        {
            return open();
        }

        var deadline = DateTimeOffset.UtcNow + wait;
        var pipeline = new ResiliencePipelineBuilder<T>()
            .AddRetry(new RetryStrategyOptions<T>
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && StoreFaults.IsUnavailable(e)
                    && DateTimeOffset.UtcNow + Pause(args.AttemptNumber) < deadline),
                MaxRetryAttempts = int.MaxValue,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(Pause(args.AttemptNumber)),
                OnRetry = args =>
                {
                    logger.LogWarning("The store {Store} does not answer yet ({Error}); trying again in {Pause:0} s (waiting until {Deadline:O}, Vigil:StoreStartupWait).",
                        store, args.Outcome.Exception?.Message, args.RetryDelay.TotalSeconds, deadline);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
        return pipeline.Execute(open);
    }

    // 1, 2, 4, 8, 10, 10 … seconds.
    private static TimeSpan Pause(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(LongestPause.TotalSeconds, FirstPause.TotalSeconds * Math.Pow(2, Math.Min(attempt, 10))));
}
