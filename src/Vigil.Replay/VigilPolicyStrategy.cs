using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Policy;

namespace Vigil.Replay;

/// <summary>
/// <c>vigil</c>: the production loop. The batch is checked with <see cref="VigilMonitor.Check"/> (drift, quality,
/// performance, recorded in the workspace's history) and the workspace's retrain policy decides; a retrain is
/// champion/challenger, so the new model replaces the old only when it is measurably better on the newest rows.
/// The policy is the replay's (Vigil's defaults unless the caller set one), or <see cref="Policy"/> when given.
/// </summary>
public sealed class VigilPolicyStrategy(string name = "vigil", RetrainPolicy? policy = null) : IReplayStrategy
{
    /// <summary>
    /// <c>vigil-perf</c>: Vigil's policy with the two drift reasons switched off, so only confident performance
    /// degradation (with the same gates) asks for a retrain. Not the default; for streams whose labels arrive with
    /// every batch and whose inputs drift all the time.
    /// </summary>
    public static VigilPolicyStrategy PerformanceOnly() =>
        new("vigil-perf", new RetrainPolicy { OnDatasetDrift = false, PsiThreshold = null });

    public string Name { get; } = name;

    /// <summary>The policy this strategy's workspace uses instead of the replay's; null means the replay's.</summary>
    public RetrainPolicy? Policy { get; } = policy;

    public VigilMonitorOptions WorkspaceOptions(VigilMonitorOptions replayOptions)
    {
        ArgumentNullException.ThrowIfNull(replayOptions);
        return Policy is null ? replayOptions : replayOptions with { Policy = Policy };
    }

    public ReplayDecision Decide(ReplayBatchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = context.Monitor.Check(context.Model, context.Rows,
            new CheckRequest { WindowStart = context.WindowStart, WindowEnd = context.WindowEnd }, cancellationToken);
        return outcome.Decision.Retrain
            ? ReplayDecision.Challenge(outcome.Decision.Summary)
            : ReplayDecision.Keep(outcome.Decision.Summary);
    }
}
