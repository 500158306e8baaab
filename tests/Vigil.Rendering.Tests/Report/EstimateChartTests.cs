using System.Xml.Linq;
using Vigil.Monitoring.Reporting.Model;
using Vigil.Monitoring.Tests.Reports;
using Vigil.Rendering;

namespace Vigil.Rendering.Tests.Report;

/// <summary>The estimated-performance section: estimate dashed in its band, realised solid, side by side in a table.</summary>
public class EstimateChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void TheEstimateIsDashedInsideItsBand_AndRealisedPointsOnlyWhereLabelsCame()
    {
        var svgs = ReportHtml.ParseSvgs(HtmlReport.Render(SampleReports.Realistic()));
        var chart = svgs.Single(s => (string?)s.Root!.Attribute("class") == "chart estimate-chart");
        var paths = chart.Descendants(Svg + "path").ToList();
        Assert.Contains(paths, p => (string?)p.Attribute("stroke-dasharray") == "6 4" && (string?)p.Attribute("fill") == "none");
        Assert.Contains(paths, p => (string?)p.Attribute("stroke") == "#0f172a" && p.Attribute("stroke-dasharray") is null);
        Assert.Contains(paths, p => ((string?)p.Attribute("d"))?.EndsWith('Z') == true && (string?)p.Attribute("fill") == "#dbeafe");
        Assert.Equal(8, chart.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("class") == "estimate"));
        Assert.Equal(6, chart.Descendants(Svg + "circle").Count(c => (string?)c.Attribute("class") == "realised"));
    }

    [Fact]
    public void TheTableShowsEstimatedAndRealisedSideBySide()
    {
        var html = HtmlReport.Render(SampleReports.Realistic());
        var section = html[html.IndexOf("<section id=\"estimated\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<table class=\"estimates\">", section, StringComparison.Ordinal);
        Assert.Contains("not yet", section, StringComparison.Ordinal);     // the two latest windows have no labels yet
        Assert.Contains("<td class=\"n\">0.862</td>", section, StringComparison.Ordinal); // a realised value beside its estimate
    }

    [Fact]
    public void WithoutEstimates_TheSectionSaysSo()
    {
        var html = HtmlReport.Render(SampleReports.Realistic() with { EstimatedTimeline = [] });
        var section = html[html.IndexOf("<section id=\"estimated\">", StringComparison.Ordinal)..];
        Assert.StartsWith("<section id=\"estimated\"><h2>Estimated performance</h2>", section, StringComparison.Ordinal);
        Assert.Contains("No estimates yet", section[..section.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void HostileMetricNamesAreEscaped()
    {
        var report = SampleReports.Realistic();
        var hostile = report with
        {
            EstimatedTimeline = [report.EstimatedTimeline[0] with { Metric = "<script>alert(1)</script>", Method = "\"x\" & 'y'" }],
        };
        var html = HtmlReport.Render(hostile);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Single(ReportHtml.ParseSvgs(html), s => (string?)s.Root!.Attribute("class") == "chart estimate-chart");
    }

    [Fact]
    public void ARefittedEstimatorIsNamedInTheSection_AndNotOtherwise()
    {
        static string Section(string html)
        {
            var section = html[html.IndexOf("<section id=\"estimated\">", StringComparison.Ordinal)..];
            return section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        }

        var refitted = SampleReports.Realistic() with
        {
            EstimatorRefit = "estimator refitted on 2,000 labelled rows of <week-49>.csv (2026-12-06 14:00 UTC by alice); its baselines are the metrics realised on those rows",
        };
        var section = Section(HtmlReport.Render(refitted));
        Assert.Contains("estimator refitted on 2,000 labelled rows of &lt;week-49&gt;.csv (2026-12-06 14:00 UTC by alice)", section, StringComparison.Ordinal);
        Assert.DoesNotContain("refitted on", Section(HtmlReport.Render(SampleReports.Realistic())), StringComparison.Ordinal);
    }
}
