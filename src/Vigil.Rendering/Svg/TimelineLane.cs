namespace Vigil.Rendering.Svg;

/// <summary>One row of an <see cref="EventTimelineChart"/>: a kind of event with its marker.</summary>
internal sealed record TimelineLane(string Key, string Label, string Color, MarkerShape Shape);
