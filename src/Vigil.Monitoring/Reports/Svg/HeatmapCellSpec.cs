namespace Vigil.Monitoring.Reports.Svg;

/// <summary>One heatmap cell: its fill colour, whether it is outlined as flagged, and its hover tooltip.</summary>
public sealed record HeatmapCellSpec(string Fill, bool Flagged, string Tooltip);
