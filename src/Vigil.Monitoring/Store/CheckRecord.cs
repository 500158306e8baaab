namespace Vigil.Monitoring.Store;

/// <summary>One monitoring check run, as kept in the history (table <c>checks</c>).</summary>
/// <param name="ModelVersion">The model version the window was checked against.</param>
/// <param name="RanAt">When the check ran (stored as UTC).</param>
/// <param name="WindowStart">Start of the checked window (inclusive), if it was time-based.</param>
/// <param name="WindowEnd">End of the checked window (exclusive), if it was time-based.</param>
/// <param name="Rows">Number of rows checked.</param>
/// <param name="Alarm">True when the check raised an alarm.</param>
/// <param name="Status">Short status word, e.g. "ok", "drift", "degraded".</param>
/// <param name="ResultJson">The full result as JSON; stored verbatim.</param>
public sealed record CheckRecord(
    string Model,
    int ModelVersion,
    DateTimeOffset RanAt,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    int Rows,
    bool Alarm,
    string Status,
    string ResultJson)
{
    /// <summary>Rows of the window that had a label (the performance part of the check); 0 when none.</summary>
    public int LabelledRows { get; init; }

    /// <summary>Database id; 0 on a record not yet saved (ignored by <see cref="IMonitoringStore.SaveCheck"/>).</summary>
    public long Id { get; init; }
}
