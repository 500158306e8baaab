namespace Vigil.Replay;

/// <summary><c>static</c>: the first model serves the whole stream; never retrains.</summary>
public sealed class StaticStrategy : IReplayStrategy
{
    public string Name => "static";

    public ReplayDecision Decide(ReplayBatchContext context, CancellationToken cancellationToken) =>
        ReplayDecision.Keep("never retrains");
}
