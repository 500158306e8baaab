namespace Vigil.Rendering.Svg;

/// <summary>One heatmap cell: its fill colour, whether it is outlined as flagged, and its hover tooltip.</summary>
internal sealed record HeatmapCellSpec(string Fill, bool Flagged, string Tooltip);
