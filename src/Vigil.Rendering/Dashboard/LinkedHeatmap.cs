using System.Globalization;
using System.Xml.Linq;
using Vigil.Monitoring.Reports.Model;
using Vigil.Rendering.Svg;
using static Vigil.Rendering.Html.Format;

namespace Vigil.Rendering.Dashboard;

/// <summary>
/// The report's drift heatmap (columns × checks) with every row label and cell made a link to the column drill-down.
/// The SVG comes from <see cref="DriftHeatmap"/>; links are added by wrapping its elements, so the drawing stays the
/// report's. Colour is the strength of evidence (<see cref="PValueScale"/>); an outline and dot mark the drift decision.
/// </summary>
internal static class LinkedHeatmap
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(string model, DriftHeatmapView h, double width = 1100) =>
        AddLinks(DriftHeatmap.Render(h, Spec, width), model, h);

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
            Wrap(labels[row], DashboardLinks.ColumnUrl(model, h.Columns[row]));
            for (var col = 0; col < h.Checks.Count; col++)
            {
                var id = long.TryParse(h.Checks[col].CheckId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
                Wrap(rects[(row * h.Checks.Count) + col], DashboardLinks.ColumnUrl(model, h.Columns[row], id));
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
            return new HeatmapCellSpec(PValueScale.NotTested, false, tip + "\nnot tested");
        }

        tip += "\nadjusted p = " + PValue(cell.AdjustedP) + "\nPSI = " + Fixed(cell.Psi, 3)
            + "\n" + (cell.Drifted ? "DRIFTED" : "not drifted") + "\nclick for the distributions";
        return new HeatmapCellSpec(PValueScale.ColorFor(cell.AdjustedP), cell.Drifted, tip);
    }
}
