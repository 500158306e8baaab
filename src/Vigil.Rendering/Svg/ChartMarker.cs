namespace Vigil.Rendering.Svg;

/// <summary>A vertical annotation on a time chart (e.g. a promotion), labelled at the top of the plot.</summary>
internal sealed record ChartMarker(DateTimeOffset At, string Label, string Color, string? Tooltip = null);
