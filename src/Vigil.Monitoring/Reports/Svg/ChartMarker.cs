namespace Vigil.Monitoring.Reports.Svg;

/// <summary>A vertical annotation on a time chart (e.g. a promotion), labelled at the top of the plot.</summary>
public sealed record ChartMarker(DateTimeOffset At, string Label, string Color, string? Tooltip = null);
