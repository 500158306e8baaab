namespace Vigil.Rendering.Svg;

/// <summary>
/// The swimlanes of the event timeline, one per <c>TimelineEvent.Kind</c>, with the colour and marker every page uses
/// (the HTML report and the dashboard draw the same events the same way).
/// </summary>
internal static class EventLanes
{
    /// <summary>Lanes in display order; the last one, "other", takes kinds not listed.</summary>
    public static IReadOnlyList<TimelineLane> All { get; } =
    [
        new("check_alarm", "Check alarm", ChartColors.Bad, MarkerShape.TriangleUp),
        new("retrain_decision", "Retrain decision", ChartColors.Warn, MarkerShape.Diamond),
        new("retrain", "Retrain", ChartColors.Primary, MarkerShape.Circle),
        new("promotion", "Promotion", ChartColors.Good, MarkerShape.Star),
        new("kept_champion", "Kept champion", ChartColors.Muted, MarkerShape.Square),
        new("rollback", "Rollback", ChartColors.Violet, MarkerShape.TriangleDown),
        new("stream_change", "Stream change", ChartColors.Warn, MarkerShape.TriangleUp),
        new("other", "Other", ChartColors.Reference, MarkerShape.Circle),
    ];

    /// <summary>The lane of an event kind ("other" for kinds not listed).</summary>
    public static TimelineLane Of(string kind)
    {
        foreach (var lane in All)
        {
            if (lane.Key == kind)
            {
                return lane;
            }
        }

        return All[^1];
    }
}
