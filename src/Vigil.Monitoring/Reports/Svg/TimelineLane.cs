namespace Vigil.Monitoring.Reports.Svg;

/// <summary>One row of an <see cref="EventTimelineChart"/>: a kind of event with its marker.</summary>
public sealed record TimelineLane(string Key, string Label, string Color, MarkerShape Shape);
