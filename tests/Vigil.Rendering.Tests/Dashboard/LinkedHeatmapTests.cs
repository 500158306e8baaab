using System.Xml.Linq;
using Vigil.Monitoring.Reports.Model;
using Vigil.Rendering.Dashboard;

namespace Vigil.Rendering.Tests.Dashboard;

public sealed class LinkedHeatmapTests
{
    [Fact]
    public void EveryRowLabelAndCellLinksToItsColumnWithNamesEscapedAndEncoded()
    {
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var view = new DriftHeatmapView
        {
            Columns = ["a<b>&\"c", "plain"],
            Checks = [new HeatmapCheck { CheckId = "7", At = at }, new HeatmapCheck { CheckId = "9", At = at.AddDays(1) }],
            Cells =
            [
                [new HeatmapCell { AdjustedP = 0.5, Psi = 0.01 }, new HeatmapCell { AdjustedP = 1e-6, Psi = 0.9, Drifted = true }],
                [new HeatmapCell(), new HeatmapCell { AdjustedP = 0.2, Psi = 0.02 }],
            ],
        };

        var svg = LinkedHeatmap.Render("m-1", view);
        var root = XElement.Parse(svg); // still well-formed XML
        var links = root.Descendants(root.Name.Namespace + "a").Select(a => (string)a.Attribute("href")!).ToList();
        Assert.Equal(2 + 4, links.Count);
        Assert.Contains("/models/m-1/columns/a%3Cb%3E%26%22c", links);
        Assert.Contains("/models/m-1/columns/a%3Cb%3E%26%22c?check=9", links);
        Assert.Contains("/models/m-1/columns/plain?check=7", links);
        Assert.DoesNotContain("<b>", svg, StringComparison.Ordinal);
    }
}
