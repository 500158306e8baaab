namespace Vigil.Monitoring.Store;

/// <summary>One retrain decision, as kept in the history (table <c>decisions</c>).</summary>
/// <param name="CheckId">The check that led to it, if any; must exist.</param>
/// <param name="DecidedAt">When it was decided (stored as UTC).</param>
/// <param name="Retrain">True when retraining was decided.</param>
/// <param name="ReasonsJson">The reasons as JSON; stored verbatim.</param>
public sealed record DecisionRecord(string Model, long? CheckId, DateTimeOffset DecidedAt, bool Retrain, string ReasonsJson)
{
    /// <summary>Database id; 0 on a record not yet saved (ignored by <see cref="IMonitoringStore.SaveDecision"/>).</summary>
    public long Id { get; init; }
}
