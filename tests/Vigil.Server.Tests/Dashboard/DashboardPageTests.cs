using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Server.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed partial class DashboardPageTests(DashboardFixture fixture)
{
    private const string ModelPath = "/models/" + DashboardFixture.Model;

    [Fact]
    public async Task OverviewListsEveryModelWithHealthChampionAndALink()
    {
        var (status, type, html) = await Get("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/html", type, StringComparison.Ordinal);
        Assert.Contains("href=\"/models/churn-model\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/models/fraud.v2\"", html, StringComparison.Ordinal);
        Assert.Matches(BadgeRegex(), html);             // the checked model's status
        Assert.Contains("no checks", html, StringComparison.Ordinal); // the unchecked one says so
        Assert.Contains("class=\"sharebar", html, StringComparison.Ordinal); // drift share bar
        Assert.Contains("class=\"spark\"", html, StringComparison.Ordinal); // metric sparkline
        Assert.Contains("ago</time>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelPageShowsTimelineHeatmapQualityDecisionsAndVersions()
    {
        var (status, _, html) = await Get(ModelPath);
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var id in new[] { "performance", "drift-history", "drift", "quality", "decisions", "versions" })
        {
            Assert.Contains("<section id=\"" + id + "\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("class=\"chart line-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("baseline", html, StringComparison.Ordinal);
        Assert.Contains("class=\"chart heatmap\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"chart event-timeline\"", html, StringComparison.Ordinal);
        // Heatmap rows and cells link to the column drill-down (a cell also names its check).
        Assert.Contains("<a href=\"/models/churn-model/columns/f0\">", html, StringComparison.Ordinal);
        Assert.Matches(CellLinkRegex(), html);
        // Decisions with every trigger's why / why not, and the lifecycle tables.
        Assert.Contains("Dataset drift", html, StringComparison.Ordinal);
        Assert.Contains("Cooldown", html, StringComparison.Ordinal);
        Assert.Contains("Promotions and rollbacks", html, StringComparison.Ordinal);
        Assert.Contains("Retrain runs", html, StringComparison.Ordinal);
        Assert.Contains(">v2</b>", html, StringComparison.Ordinal);
        Assert.Contains("succeeded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ColumnPageShowsTheHistogramAndATableOfRecentChecks()
    {
        var (status, _, html) = await Get(ModelPath + "/columns/f0");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("class=\"chart histogram\"", html, StringComparison.Ordinal);
        Assert.Contains("reference", html, StringComparison.Ordinal);
        Assert.Contains("current", html, StringComparison.Ordinal);
        Assert.Contains("PSI over recent checks", html, StringComparison.Ordinal);
        var rows = RowRegex().Matches(html);
        Assert.Equal(fixture.CheckCount, rows.Count);
        Assert.Contains("drifted", html, StringComparison.Ordinal);

        // Selecting an older check from its row marks that row and says which check is shown.
        var older = rows[^1].Groups[1].Value;
        var (status2, _, selected) = await Get(ModelPath + "/columns/f0?check=" + older);
        Assert.Equal(HttpStatusCode.OK, status2);
        Assert.Contains("<tr class=\"sel\"><td class=\"t\"><a href=\"/models/churn-model/columns/f0?check=" + older + "\"", selected, StringComparison.Ordinal);
        Assert.Contains("show latest", selected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CategoricalColumnsHaveAHistogramByCategory()
    {
        var (status, _, html) = await Get(ModelPath + "/columns/c0");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("categorical column", html, StringComparison.Ordinal);
        Assert.Contains("class=\"chart histogram\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/models/no-such-model")]
    [InlineData("/models/bad%20name%3Cscript%3E")]
    [InlineData("/models/churn-model/columns/no-such-column")]
    [InlineData("/models/no-such-model/columns/f0")]
    public async Task UnknownModelsAndColumnsAre404PagesThatEscapeTheName(string path)
    {
        var (status, type, html) = await Get(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.StartsWith("text/html", type, StringComparison.Ordinal);
        Assert.Contains("not", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesForbidScriptsAndExternalResources()
    {
        using var response = await fixture.Client.GetAsync(new Uri(ModelPath, UriKind.Relative));
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(ExternalRegex(), html);
    }

    private async Task<(HttpStatusCode Status, string Type, string Body)> Get(string path)
    {
        using var response = await fixture.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("<span class=\"badge (good|warn|bad) big\">(healthy|warning|alarm)</span>|<span class=\"badge (good|warn|bad)\">(healthy|warning|alarm)</span>")]
    private static partial Regex BadgeRegex();

    [GeneratedRegex("<a href=\"/models/churn-model/columns/f\\d\\?check=\\d+\"><rect")]
    private static partial Regex CellLinkRegex();

    [GeneratedRegex("<tr(?: class=\"sel\")?><td class=\"t\"><a href=\"/models/churn-model/columns/f0\\?check=(\\d+)\"")]
    private static partial Regex RowRegex();

    [GeneratedRegex("(src|href)=\"(https?:)?//")]
    private static partial Regex ExternalRegex();
}
