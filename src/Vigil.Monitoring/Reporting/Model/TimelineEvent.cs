namespace Vigil.Monitoring.Reporting.Model;

/// <summary>Something that happened to the model: an alarm, a retrain decision, a retrain, a promotion or a rollback.</summary>
public sealed record TimelineEvent
{
    /// <summary>When it happened, in UTC.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>
    /// <c>check_alarm</c>, <c>retrain_decision</c>, <c>retrain</c>, <c>promotion</c>, <c>kept_champion</c>,
    /// <c>rollback</c> or <c>stream_change</c>; other values render with a neutral marker.
    /// </summary>
    public required string Kind { get; init; }

    /// <summary>The model version concerned, when one is.</summary>
    public string? Version { get; init; }

    /// <summary>One-line title.</summary>
    public required string Title { get; init; }

    /// <summary>Details in words (reasons, metric values).</summary>
    public string Detail { get; init; } = "";
}
