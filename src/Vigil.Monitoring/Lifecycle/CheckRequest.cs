namespace Vigil.Monitoring.Lifecycle;

/// <summary>The window a check covers (for the history), as the caller knows it.</summary>
public sealed record CheckRequest
{
    /// <summary>Start of the window (inclusive); default: the time of the check.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>End of the window (exclusive); default: the time of the check.</summary>
    public DateTimeOffset? WindowEnd { get; init; }

    /// <summary>What started the check (<c>cli</c>, <c>api</c>, <c>scheduler</c>), recorded on its span; null for a library call.</summary>
    public string? Trigger { get; init; }
}
