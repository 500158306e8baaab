using Vigil.Monitoring.Policy;

namespace Vigil.Monitoring.Store;

/// <summary>
/// A retrain decision as the history returns it: the stored row and the decision with every trigger, read once by
/// <see cref="HistoryJson"/>. Unreadable: <see cref="Decision"/> null and <see cref="Error"/> says why.
/// </summary>
public sealed record DecisionEntry(DecisionRecord Record, RetrainDecision? Decision, string? Error)
{
    /// <summary>True when <see cref="Decision"/> could be read.</summary>
    public bool IsReadable => Decision is not null;
}
