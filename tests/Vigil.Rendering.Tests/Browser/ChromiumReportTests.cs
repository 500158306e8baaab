using System.Diagnostics;
using System.Text.RegularExpressions;
using Vigil.Monitoring.Tests.Reports;
using Vigil.Rendering;

namespace Vigil.Rendering.Tests.Browser;

/// <summary>
/// Opens the rendered report in headless Chromium: the DOM a browser builds must hold the charts, and a screenshot is
/// left in artifacts/report-screenshot.png for people to look at. Skipped where Chromium is not installed.
/// </summary>
public partial class ChromiumReportTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public void BrowserBuildsTheChartsAndScreenshotIsTaken()
    {
        Skip.IfNot(File.Exists(Chromium), "Chromium is not installed at " + Chromium);
        var dir = Directory.CreateTempSubdirectory("vigil-report-");
        try
        {
            var html = Path.Combine(dir.FullName, "report.html");
            File.WriteAllText(html, HtmlReport.Render(SampleReports.Realistic()));
            var url = new Uri(html).AbsoluteUri;

            var (code, dom) = RunChromium(dir.FullName, "--dump-dom", url);
            Assert.True(code == 0, "chromium --dump-dom exited with " + code);
            var timeline = Section(dom, "performance");
            Assert.True(Count(timeline, "<circle") > 8, "timeline points");
            Assert.True(Count(timeline, "<path") > 0, "timeline line");
            Assert.True(Count(timeline, "<rect") > 0, "degraded zone");
            Assert.Equal(6 * 8, Count(Section(dom, "drift-history"), "class=\"cell\""));
            Assert.True(Count(Section(dom, "drift"), "<rect") > 6 * 8, "histogram bars");

            var png = Path.Combine(dir.FullName, "report.png");
            (code, _) = RunChromium(dir.FullName, "--screenshot=" + png, url);
            Assert.True(code == 0 && File.Exists(png), "chromium --screenshot exited with " + code);
            Assert.True(new FileInfo(png).Length > 20_000, "screenshot looks blank");

            var artifacts = Path.Combine(RepoRoot(), "artifacts");
            Directory.CreateDirectory(artifacts);
            File.Copy(png, Path.Combine(artifacts, "report-screenshot.png"), overwrite: true);
            File.Copy(html, Path.Combine(artifacts, "report-sample.html"), overwrite: true);
            // Edge cases beside it, for eyes rather than asserts.
            File.WriteAllText(Path.Combine(artifacts, "report-empty.html"), HtmlReport.Render(SampleReports.Empty()));
            File.WriteAllText(Path.Combine(artifacts, "report-hostile.html"), HtmlReport.Render(SampleReports.Hostile()));
        }
        finally
        {
            try
            {
                dir.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a profile file for a moment; a temp folder left behind is harmless.
            }
        }
    }

    private static (int Code, string Stdout) RunChromium(string workDir, string action, string url)
    {
        var psi = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", "--user-data-dir=" + Path.Combine(workDir, "profile-" + Guid.NewGuid().ToString("N")),
            "--window-size=1280,2400", action, url,
        })
        {
            psi.ArgumentList.Add(arg);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start chromium");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish within 60 s");
        }

        process.WaitForExit();
        _ = stderr.Result;
        return (process.ExitCode, stdout.Result);
    }

    private static string Section(string dom, string id)
    {
        var m = Regex.Match(dom, "<section id=\"" + Regex.Escape(id) + "\">.*?</section>", RegexOptions.Singleline);
        Assert.True(m.Success, "section " + id + " missing from the DOM");
        return m.Value;
    }

    private static int Count(string text, string needle) => Regex.Matches(text, Regex.Escape(needle)).Count;

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    }
}
