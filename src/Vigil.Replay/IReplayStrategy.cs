using Vigil.Monitoring;

namespace Vigil.Replay;

/// <summary>
/// A retraining strategy the replay can compare. After each batch's labels are revealed the replay calls
/// <see cref="Decide"/>; the replay itself then retrains as the decision says. One instance serves one replay
/// (it may keep state between batches); implement it to compare your own rule with the built-in ones.
/// </summary>
public interface IReplayStrategy
{
    /// <summary>Unique name in the run (e.g. "periodic:4"); shown in tables, JSON and charts.</summary>
    string Name { get; }

    /// <summary>Whether and how to retrain after the batch in <paramref name="context"/>.</summary>
    ReplayDecision Decide(ReplayBatchContext context, CancellationToken cancellationToken);

    /// <summary>The settings of this strategy's workspace (monitoring and retrain policy); by default the replay's.</summary>
    VigilMonitorOptions WorkspaceOptions(VigilMonitorOptions replayOptions) => replayOptions;
}
