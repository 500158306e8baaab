using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Dashboard;

/// <summary>
/// Hostile column names, category values and version reasons render inert on every page (report, overview, model,
/// column): the markup arrives encoded, the text reads literally, and in Chromium no payload runs. The pages are
/// loaded from files, without the service's Content-Security-Policy header, so encoding is the only defence tested.
/// </summary>
public sealed partial class HostileTextTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    [Fact]
    public async Task EveryPageEncodesTheMarkupAndKeepsTheTextLiteral()
    {
        var pages = await Pages();
        foreach (var (name, html, shows) in pages)
        {
            Assert.DoesNotContain("<script>document", html, StringComparison.Ordinal);
            // No element can start without a raw '<' (quotes may stay raw in text nodes, where they are inert).
            Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
            if (shows is not null)
            {
                Assert.True(html.Contains(Encode(shows, attribute: true), StringComparison.Ordinal), name + ": '" + shows[..Math.Min(60, shows.Length)] + "' is not shown as encoded text");
            }
        }

        var model = pages.Single(p => p.Name == "model").Html;
        Assert.Contains(HostileText.Long, model, StringComparison.Ordinal); // in full, in a table cell
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=&quot;", model, StringComparison.Ordinal);
        Assert.Contains("a &amp; b &#39;q&#39; &quot;d&quot; &amp;amp; &amp;lt;", model, StringComparison.Ordinal);
        Assert.Contains(HostileText.RightToLeft, model, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task NoPayloadRunsInChromiumAndTheTextAppearsLiterally()
    {
        var chromium = ChromiumRunner.Find();
        Skip.If(chromium is null, "Chromium is not installed (/usr/bin/chromium); install Debian's chromium package to run this test.");
        var dir = Directory.CreateTempSubdirectory("vigil-hostile-pages-").FullName;
        try
        {
            // The detector works: the same payload written unencoded marks the document.
            var control = Path.Combine(dir, "control.html");
            await File.WriteAllTextAsync(control, "<!DOCTYPE html><html><body>" + HostileText.Script + "</body></html>");
            Assert.Contains(HostileText.Marker + "=\"script\"", await ChromiumRunner.DumpDom(chromium, new Uri(control)), StringComparison.Ordinal);

            foreach (var (name, html, shows) in await Pages())
            {
                var file = Path.Combine(dir, name + ".html");
                await File.WriteAllTextAsync(file, html);
                var dom = await ChromiumRunner.DumpDom(chromium, new Uri(file));
                Assert.True(dom.Contains("</html>", StringComparison.Ordinal), name + ": the page did not load\n" + dom);
                Assert.False(dom.Contains(HostileText.Marker + "=\"", StringComparison.Ordinal), name + ": a payload ran");
                // Only the report's own print helper is a script.
                Assert.Equal(name == "report" ? 1 : 0, ScriptRegex().Count(dom));
                if (shows is not null)
                {
                    Assert.True(dom.Contains(Encode(shows, attribute: false), StringComparison.Ordinal), name + ": the text is not literal in the DOM");
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// Text as it must appear: in the served HTML every markup character is an entity (as in an attribute); in
    /// Chromium's DOM dump a text node escapes only &amp;, &lt; and &gt;.
    /// </summary>
    private static string Encode(string text, bool attribute)
    {
        var s = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        return attribute ? s.Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal) : s;
    }

    /// <summary>Every page with the hostile text it must show (the overview shows only model names, which are validated).</summary>
    private async Task<List<(string Name, string Html, string? Shows)>> Pages()
    {
        var pages = new List<(string, string, string?)>
        {
            ("report", fixture.ReportHtml(), HostileText.Script),
            ("overview", await Get("/"), null),
            ("model", await Get("/models/" + HostileFixture.Model), HostileText.Script),
        };
        for (var i = 0; i < HostileText.ColumnNames.Length; i++)
        {
            var column = HostileText.ColumnNames[i];
            pages.Add(("column" + i, await Get("/models/" + HostileFixture.Model + "/columns/" + Uri.EscapeDataString(column)), column));
        }

        var category = HostileText.Script + " category";
        pages.Add(("category", await Get("/models/" + HostileFixture.Model + "/columns/" + Uri.EscapeDataString(category)), category));
        return pages;
    }

    private async Task<string> Get(string path)
    {
        using var response = await fixture.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, path + " answered " + response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<script[ >]")]
    private static partial Regex ScriptRegex();
}
