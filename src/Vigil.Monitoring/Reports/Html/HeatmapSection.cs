using System.Text;
using Vigil.Monitoring.Reports.Model;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Monitoring.Reports.Html.HtmlFormat;

namespace Vigil.Monitoring.Reports.Html;

/// <summary>
/// Columns × checks heatmap. Colour is the strength of evidence (adjusted p, in steps of -log10 p); a dark dot and
/// outline mark the rule's drift decision, which also needs a large enough shift.
/// </summary>
internal static class HeatmapSection
{
    private const string NotTested = "#e2e8f0";

    private static readonly (double Below, string Color, string Label)[] Steps =
    [
        (1.0001, "#ffffff", "p ≥ 0.1"),
        (0.1, "#fef3c7", "< 0.1"),
        (0.05, "#fdba74", "< 0.05"),
        (0.01, "#f97316", "< 0.01"),
        (0.001, "#dc2626", "< 0.001"),
        (0.0001, "#7f1d1d", "< 0.0001"),
    ];

    public static void Write(StringBuilder sb, ModelReport r)
    {
        sb.Append("<section id=\"drift-history\"><h2>Drift history</h2>");
        var h = r.DriftHeatmap;
        if (h is null || h.Columns.Count == 0 || h.Checks.Count == 0)
        {
            sb.Append(NoData("No data yet: drift history appears after the first drift checks.")).Append("</section>\n");
            return;
        }

        sb.Append("<p class=\"lead\">Each cell is one column in one check; darker means stronger evidence of a change ")
            .Append("(adjusted p-value). Outlined cells with a dot were called drifted. Hover a cell for its numbers.</p>");
        var checkLabels = h.Checks.Select(c => ShortTime(c.At)).ToList();
        var cells = new List<IReadOnlyList<HeatmapCellSpec>>(h.Columns.Count);
        for (var row = 0; row < h.Columns.Count; row++)
        {
            var source = row < h.Cells.Count ? h.Cells[row] : [];
            var specs = new List<HeatmapCellSpec>(h.Checks.Count);
            for (var col = 0; col < h.Checks.Count; col++)
            {
                var cell = col < source.Count ? source[col] : null;
                specs.Add(Spec(h.Columns[row], h.Checks[col], cell));
            }

            cells.Add(specs);
        }

        var legend = Steps.Select(s => (s.Color, s.Label)).Append((NotTested, "not tested")).ToList();
        sb.Append(Heatmap.Render(h.Columns, checkLabels, cells, legend, "adjusted p")).Append("</section>\n");
    }

    private static HeatmapCellSpec Spec(string column, HeatmapCheck check, HeatmapCell? cell)
    {
        var tip = column + " · " + Time(check.At) + " · check " + check.CheckId;
        if (cell is null)
        {
            return new HeatmapCellSpec(NotTested, false, tip + "\nno data");
        }

        tip += "\nadjusted p = " + PValue(cell.AdjustedP) + "\nPSI = " + Fixed(cell.Psi, 3)
            + "\n" + (cell.Drifted ? "DRIFTED" : "not drifted");
        return new HeatmapCellSpec(ColorFor(cell.AdjustedP), cell.Drifted, tip);
    }

    private static string ColorFor(double? p)
    {
        if (p is not { } v || !double.IsFinite(v))
        {
            return NotTested;
        }

        var color = Steps[0].Color;
        foreach (var step in Steps)
        {
            if (v < step.Below)
            {
                color = step.Color;
            }
        }

        return color;
    }
}
