namespace Vigil.Rendering.Svg;

/// <summary>One event on an <see cref="EventTimelineChart"/>; <paramref name="Label"/> is a short tag drawn beside the marker.</summary>
internal sealed record TimelineItem(DateTimeOffset At, string LaneKey, string Tooltip, string? Label = null);
