using System.Xml.Linq;
using Vigil.Monitoring.Tests.Reports;
using Vigil.Rendering;

namespace Vigil.Rendering.Tests.Report;

public class HtmlReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void EverySvgParsesAsXml()
    {
        var html = HtmlReport.Render(SampleReports.Realistic());
        var svgs = ReportHtml.ParseSvgs(html);
        // 2 metric charts + 6 histograms + heatmap + event timeline + event icons.
        Assert.True(svgs.Count >= 10, $"found {svgs.Count} svg elements");
    }

    [Fact]
    public void MakesNoExternalReferences()
    {
        var html = HtmlReport.Render(SampleReports.Realistic());
        var withoutXmlns = html.Replace("xmlns=\"http://www.w3.org/2000/svg\"", "", StringComparison.Ordinal);
        Assert.DoesNotContain("http://", withoutXmlns, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", withoutXmlns, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ShowsEverySection()
    {
        var html = HtmlReport.Render(SampleReports.Realistic());
        foreach (var id in new[] { "performance", "estimated", "drift", "drift-history", "multivariate", "quality", "events", "versions" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("churn-classifier", html, StringComparison.Ordinal);
        Assert.Contains("0.903", html, StringComparison.Ordinal);
        Assert.Contains("declining", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"nodata\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void MultivariateSectionShowsBothMethodsTheirChartsAndTheSeparatingFeatures()
    {
        var html = HtmlReport.Render(SampleReports.Realistic());
        var section = html[html.IndexOf("<section id=\"multivariate\">", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("</section>", StringComparison.Ordinal) + 10)];
        Assert.Contains("Domain classifier", section, StringComparison.Ordinal);
        Assert.Contains("PCA reconstruction", section, StringComparison.Ordinal);
        Assert.Contains("AUC 0.650", section, StringComparison.Ordinal);
        Assert.Contains("income 46", section, StringComparison.Ordinal);
        var charts = ReportHtml.ParseSvgs(section);
        Assert.Equal(2, charts.Count);
        Assert.Contains(charts, c => ((string?)c.Root!.Attribute("aria-label") ?? c.Root.ToString()).Contains("domain classifier AUC", StringComparison.Ordinal));

        // A report whose checks predate multivariate drift says so instead of drawing nothing.
        var old = HtmlReport.Render(SampleReports.Realistic() with { Multivariate = null });
        var oldSection = old[old.IndexOf("<section id=\"multivariate\">", StringComparison.Ordinal)..];
        Assert.Contains("no check has run multivariate drift", oldSection[..oldSection.IndexOf("</section>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public void HeatmapHasOneCellPerColumnAndCheck()
    {
        var svgs = ReportHtml.ParseSvgs(HtmlReport.Render(SampleReports.Realistic()));
        var heatmap = svgs.Single(s => (string?)s.Root!.Attribute("class") == "chart heatmap");
        Assert.Equal(6 * 8, heatmap.Descendants(Svg + "rect").Count(r => (string?)r.Attribute("class") == "cell"));
    }

    [Fact]
    public void EscapesHostileText()
    {
        var html = HtmlReport.Render(SampleReports.Hostile());
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;", html, StringComparison.Ordinal);
        var svgs = ReportHtml.ParseSvgs(html);
        // The hostile "</svg>" must not end an element early: every svg still parses and keeps the name as text.
        Assert.Contains(svgs, s => s.Descendants(Svg + "title").Any(t => t.Value.Contains("<script>alert(\"x\")</script>", StringComparison.Ordinal)));
        // Only the report's own print helper is a script.
        Assert.Equal(2, html.Split("<script>").Length);
    }

    [Fact]
    public void EmptyReportSaysNoDataYet()
    {
        var html = HtmlReport.Render(SampleReports.Empty());
        Assert.Contains("No data yet", html, StringComparison.Ordinal);
        Assert.True(html.Split("class=\"nodata\"").Length - 1 >= 5);
        Assert.Contains("No champion yet", html, StringComparison.Ordinal);
        Assert.All(ReportHtml.ParseSvgs(html), _ => { });
    }

    [Fact]
    public void SinglePointRendersAChart()
    {
        var html = HtmlReport.Render(SampleReports.SinglePoint());
        var svgs = ReportHtml.ParseSvgs(html);
        var line = svgs.First(s => (string?)s.Root!.Attribute("class") == "chart line-chart");
        Assert.Single(line.Descendants(Svg + "circle"), c => (string?)c.Attribute("r") == "4.5");
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteValuesNeverReachTheSvg()
    {
        var html = HtmlReport.Render(SampleReports.NonFinite());
        var svgs = ReportHtml.ParseSvgs(html);
        Assert.NotEmpty(svgs);
        foreach (var svg in svgs)
        {
            foreach (var attr in svg.Descendants().Attributes())
            {
                Assert.DoesNotContain("NaN", attr.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("Infinity", attr.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("∞", attr.Value, StringComparison.Ordinal);
            }
        }

        // Two of eight points are not finite: the line breaks, the other six are still drawn.
        var line = svgs.First(s => (string?)s.Root!.Attribute("class") == "chart line-chart");
        Assert.Equal(6, line.Descendants(Svg + "circle").Count(c => c.Attribute("cx") is not null && c.Parent?.Name.LocalName != "g"));
    }
}
