namespace Vigil.Monitoring.Lifecycle;

/// <summary>The window a check covers (for the history), as the caller knows it.</summary>
public sealed record CheckRequest
{
    /// <summary>Start of the window (inclusive); default: the time of the check.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>End of the window (exclusive); default: the time of the check.</summary>
    public DateTimeOffset? WindowEnd { get; init; }
}
