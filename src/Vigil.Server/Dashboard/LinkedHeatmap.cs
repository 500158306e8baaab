using System.Globalization;
using System.Xml.Linq;
using Vigil.Monitoring.Reports.Model;
using Vigil.Monitoring.Reports.Svg;
using static Vigil.Server.Dashboard.DashboardHtml;

namespace Vigil.Server.Dashboard;

/// <summary>
/// The report's drift heatmap (columns × checks) with every row label and cell made a link to the column drill-down.
/// The SVG comes from <see cref="Heatmap"/>; links are added by wrapping its elements, so the drawing stays the
/// report's. Colour is the strength of evidence (adjusted p); an outline and dot mark the rule's drift decision.
/// </summary>
internal static class LinkedHeatmap
{
    private const string NotTested = "#e2e8f0";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly (double Below, string Color, string Label)[] Steps =
    [
        (1.0001, "#ffffff", "p ≥ 0.1"),
        (0.1, "#fef3c7", "< 0.1"),
        (0.05, "#fdba74", "< 0.05"),
        (0.01, "#f97316", "< 0.01"),
        (0.001, "#dc2626", "< 0.001"),
        (0.0001, "#7f1d1d", "< 0.0001"),
    ];

    public static string Render(string model, DriftHeatmapView h, double width = 1100)
    {
        var checkLabels = h.Checks.Select(c => ShortTime(c.At)).ToList();
        var cells = new List<IReadOnlyList<HeatmapCellSpec>>(h.Columns.Count);
        for (var row = 0; row < h.Columns.Count; row++)
        {
            var source = row < h.Cells.Count ? h.Cells[row] : [];
            cells.Add(h.Checks.Select((check, col) => Spec(h.Columns[row], check, col < source.Count ? source[col] : null)).ToList());
        }

        var legend = Steps.Select(s => (s.Color, s.Label)).Append((NotTested, "not tested")).ToList();
        var svg = Heatmap.Render(h.Columns, checkLabels, cells, legend, "adjusted p", width);
        return AddLinks(svg, model, h);
    }

    /// <summary>Wraps row labels and cells (drawn row by row, left to right) in <c>a</c> elements.</summary>
    internal static string AddLinks(string svg, string model, DriftHeatmapView h)
    {
        var root = XElement.Parse(svg);
        var labels = root.Elements(Svg + "text").Where(t => t.Element(Svg + "title") is not null).ToList();
        var rects = root.Elements(Svg + "rect").Where(r => (string?)r.Attribute("class") == "cell").ToList();
        if (labels.Count != h.Columns.Count || rects.Count != h.Columns.Count * h.Checks.Count)
        {
            return svg; // a layout this code does not know: still a correct chart, just without links
        }

        for (var row = 0; row < h.Columns.Count; row++)
        {
            Wrap(labels[row], ColumnUrl(model, h.Columns[row]));
            for (var col = 0; col < h.Checks.Count; col++)
            {
                var id = long.TryParse(h.Checks[col].CheckId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
                Wrap(rects[(row * h.Checks.Count) + col], ColumnUrl(model, h.Columns[row], id));
            }
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    private static void Wrap(XElement element, string href)
    {
        var link = new XElement(Svg + "a", new XAttribute("href", href));
        element.ReplaceWith(link);
        link.Add(element);
    }

    private static HeatmapCellSpec Spec(string column, HeatmapCheck check, HeatmapCell? cell)
    {
        var tip = column + " · " + Time(check.At) + " · check " + check.CheckId;
        if (cell is null || cell.AdjustedP is null)
        {
            return new HeatmapCellSpec(NotTested, false, tip + "\nnot tested");
        }

        tip += "\nadjusted p = " + PValue(cell.AdjustedP) + "\nPSI = " + Fixed(cell.Psi, 3)
            + "\n" + (cell.Drifted ? "DRIFTED" : "not drifted") + "\nclick for the distributions";
        return new HeatmapCellSpec(ColorFor(cell.AdjustedP.Value), cell.Drifted, tip);
    }

    private static string ColorFor(double p)
    {
        if (!double.IsFinite(p))
        {
            return NotTested;
        }

        var color = Steps[0].Color;
        foreach (var step in Steps)
        {
            if (p < step.Below)
            {
                color = step.Color;
            }
        }

        return color;
    }
}
