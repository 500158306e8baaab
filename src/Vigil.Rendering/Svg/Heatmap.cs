namespace Vigil.Rendering.Svg;

/// <summary>
/// A rows × columns grid of coloured cells with row labels on the left, column labels on top and a legend of
/// discrete colour steps underneath. Each cell is one <c>rect</c> with a <c>title</c> tooltip.
/// </summary>
internal static class Heatmap
{
    private const double CellHeight = 26, HeaderHeight = 34, LegendHeight = 44, Right = 10;

    /// <param name="cells">cells[row][column]; missing entries are drawn as empty grey cells.</param>
    /// <param name="legend">Colour steps shown under the grid, left to right.</param>
    public static string Render(IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        IReadOnlyList<IReadOnlyList<HeatmapCellSpec>> cells, IReadOnlyList<(string Color, string Label)> legend,
        string legendTitle, double width = 880, string? flaggedLabel = "drifted")
    {
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(legend);
        var longest = rowLabels.Count == 0 ? 4 : rowLabels.Max(l => l.Length);
        var labelWidth = Math.Clamp((Math.Min(longest, 28) * 6.6) + 16, 70, 200);
        var maxChars = (int)((labelWidth - 16) / 6.6);
        var cols = Math.Max(1, columnLabels.Count);
        var cellWidth = (width - labelWidth - Right) / cols;
        var height = HeaderHeight + (rowLabels.Count * CellHeight) + LegendHeight;
        var w = new SvgWriter(width, height, "drift heatmap", "chart heatmap");

        // Column labels: thinned so each keeps about 70 units of room.
        var every = Math.Max(1, (int)Math.Ceiling(70 / Math.Max(1, cellWidth)));
        for (var c = 0; c < columnLabels.Count; c++)
        {
            if (c % every == 0)
            {
                w.Text(labelWidth + ((c + 0.5) * cellWidth), HeaderHeight - 10, columnLabels[c], "middle", 10.5, ChartColors.Muted);
            }
        }

        for (var r = 0; r < rowLabels.Count; r++)
        {
            var y = HeaderHeight + (r * CellHeight);
            w.Open("text", ("x", labelWidth - 10), ("y", y + (CellHeight / 2) + 4), ("font-size", 11.5),
                ("fill", ChartColors.Ink), ("text-anchor", "end"));
            // Visible text may be cut; the title gives the full name on hover.
            w.Title(rowLabels[r]).Content(Axis.Truncate(rowLabels[r], maxChars)).Close();
            var row = r < cells.Count ? cells[r] : [];
            for (var c = 0; c < columnLabels.Count; c++)
            {
                var x = labelWidth + (c * cellWidth);
                var spec = c < row.Count ? row[c] : new HeatmapCellSpec("#f1f5f9", false, "no data");
                w.Open("rect", ("x", x + 1), ("y", y + 1), ("width", Math.Max(1, cellWidth - 2)), ("height", CellHeight - 2),
                    ("rx", 3), ("fill", spec.Fill), ("stroke", spec.Flagged ? ChartColors.Ink : ChartColors.Grid),
                    ("stroke-width", spec.Flagged ? 1.5 : 1), ("class", "cell"));
                w.Title(spec.Tooltip).Close();
                if (spec.Flagged)
                {
                    // A dot as well as the outline: the decision must read on dark cells and in grey print.
                    Markers.Draw(w, MarkerShape.Circle, x + (cellWidth / 2), y + (CellHeight / 2), 3.5, ChartColors.Ink,
                        "#ffffff", spec.Tooltip);
                }
            }
        }

        var ly = HeaderHeight + (rowLabels.Count * CellHeight) + 18;
        w.Text(labelWidth - 10, ly + 10, legendTitle, "end", 10.5, ChartColors.Muted);
        var lx = labelWidth;
        foreach (var (color, label) in legend)
        {
            w.Rect(lx, ly, 14, 14, color, color == "#ffffff" ? ChartColors.AxisLine : null, 2);
            w.Text(lx + 19, ly + 11, label, "start", 10.5, ChartColors.Ink);
            lx += 19 + (label.Length * 6.2) + 16;
        }

        if (flaggedLabel is not null)
        {
            w.Rect(lx, ly, 14, 14, "#ffffff", ChartColors.Ink, 2);
            Markers.Draw(w, MarkerShape.Circle, lx + 7, ly + 7, 3, ChartColors.Ink);
            w.Text(lx + 19, ly + 11, flaggedLabel, "start", 10.5, ChartColors.Ink);
        }

        return w.ToString();
    }
}
