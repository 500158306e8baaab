using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Store;

/// <summary>
/// A check as the history returns it: the stored row and its result, read once by <see cref="HistoryJson"/>.
/// A result that cannot be read (written by a future version, or damaged) leaves <see cref="Result"/> null and says
/// why in <see cref="Error"/>; readers skip or flag it rather than fail.
/// </summary>
public sealed record CheckEntry(CheckRecord Record, MonitoringResult? Result, string? Error)
{
    /// <summary>True when <see cref="Result"/> could be read.</summary>
    public bool IsReadable => Result is not null;
}
