using Vigil.Monitoring.Reports.Model;
using static Vigil.Rendering.Html.Format;

namespace Vigil.Rendering.Svg;

/// <summary>A <see cref="DriftHeatmapView"/> drawn as a <see cref="Heatmap"/> on the <see cref="PValueScale"/>.</summary>
internal static class DriftHeatmap
{
    /// <param name="cell">Fill, flag and tooltip of one cell (null when the check has no entry for the column).</param>
    public static string Render(DriftHeatmapView h, Func<string, HeatmapCheck, HeatmapCell?, HeatmapCellSpec> cell, double width = 880)
    {
        var checkLabels = h.Checks.Select(c => ShortTime(c.At)).ToList();
        var cells = new List<IReadOnlyList<HeatmapCellSpec>>(h.Columns.Count);
        for (var row = 0; row < h.Columns.Count; row++)
        {
            var source = row < h.Cells.Count ? h.Cells[row] : [];
            cells.Add(h.Checks.Select((check, col) => cell(h.Columns[row], check, col < source.Count ? source[col] : null)).ToList());
        }

        return Heatmap.Render(h.Columns, checkLabels, cells, PValueScale.Legend, PValueScale.LegendTitle, width);
    }
}
