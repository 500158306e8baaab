using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: load the overview, follow the model link, check the charts are in the rendered
/// DOM, and keep a screenshot of the model page in artifacts/dashboard-screenshot.png (docs/img/dashboard.png is a copy made
/// by hand when the dashboard changes, so a test run never modifies tracked files).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class DashboardBrowserTests(DashboardFixture fixture)
{
    [SkippableFact]
    public async Task OverviewLinksToAModelPageWhoseChartsRenderInChromium()
    {
        var chromium = ChromiumRunner.Find();
        Skip.If(chromium is null, "Chromium is not installed (/usr/bin/chromium); install Debian's chromium package to run this test.");

        var overview = await ChromiumRunner.DumpDom(chromium, fixture.BaseAddress);
        var link = ModelLinkRegex().Match(overview);
        Assert.True(link.Success, "no model link in the overview DOM:\n" + overview);
        var modelUrl = new Uri(fixture.BaseAddress, link.Groups[1].Value);

        var dom = await ChromiumRunner.DumpDom(chromium, modelUrl);
        Assert.Contains("<h1>" + DashboardFixture.Model, dom, StringComparison.Ordinal);
        Assert.True(Regex.Count(dom, "<svg") >= 4, "expected the line chart, heatmap and timeline as SVG");
        Assert.True(Regex.Count(dom, "<circle") >= 5, "metric points should render as circles");
        Assert.True(Regex.Count(dom, "<path") >= 1, "the metric line should render as a path");
        Assert.True(Regex.Count(dom, "class=\"cell\"") >= 6, "heatmap cells should render as rects");

        var png = Path.Combine(Path.GetTempPath(), "vigil-dashboard-" + Guid.NewGuid().ToString("N") + ".png");
        try
        {
            await ChromiumRunner.Screenshot(chromium, modelUrl, png);
            Assert.True(new FileInfo(png).Length > 20_000, "the screenshot looks empty");
            var root = RepositoryRoot();
            var target = Path.Combine(root, "artifacts", "dashboard-screenshot.png");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(png, target, overwrite: true);
        }
        finally
        {
            File.Delete(png);
        }

        // The other pages and the whole model page, for review only (artifacts/ is git-ignored).
        var artifacts = Path.Combine(RepositoryRoot(), "artifacts");
        await ChromiumRunner.Screenshot(chromium, fixture.BaseAddress, Path.Combine(artifacts, "dashboard-overview.png"), 900);
        await ChromiumRunner.Screenshot(chromium, new Uri(modelUrl + "/columns/f0"), Path.Combine(artifacts, "dashboard-column.png"), 1600);
        await ChromiumRunner.Screenshot(chromium, modelUrl, Path.Combine(artifacts, "dashboard-model-full.png"), 4600);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("<a href=\"(/models/churn-model)\">")]
    private static partial Regex ModelLinkRegex();
}
