using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Vigil.Server.Tests;

/// <summary>
/// One header policy on every response (issue #20, item 11): the HTML report served by the API carries the same
/// Content-Security-Policy and nosniff as the dashboard, and so do JSON answers and errors. /metrics needs a read key
/// unless Vigil:OpenMetrics is set.
/// </summary>
public sealed class SecurityHeadersTests
{
    [Fact]
    public async Task Every_response_carries_the_policy_and_metrics_need_a_read_key()
    {
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync("churn");

        using var report = await server.Reader.GetAsync("/api/v1/models/churn/report.html");
        Assert.Equal(200, (int)report.StatusCode);
        var csp = Csp(report);
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(report, "X-Content-Type-Options"));
        // The report's one inline script is allowed by its hash, and nothing else is.
        var html = await report.Content.ReadAsStringAsync();
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        Assert.Single(scripts);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(scripts[0].Groups[1].Value)));
        Assert.Contains($"script-src 'sha256-{hash}'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline'; script", csp, StringComparison.Ordinal);

        using var dashboard = await server.Reader.GetAsync("/models/churn");
        Assert.Equal(csp, Csp(dashboard));
        foreach (var response in new[]
        {
            await server.Reader.GetAsync("/api/v1/models/churn"),
            await server.Anonymous.GetAsync("/api/v1/models"),
            await server.Reader.GetAsync("/api/v1/models/nope"),
            await server.Anonymous.GetAsync("/health"),
        })
        {
            using (response)
            {
                Assert.Equal(csp, Csp(response));
                Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            }
        }

        // /metrics reveals model names and values: a read key by default.
        using var anonymous = await server.Anonymous.GetAsync("/metrics");
        Assert.Equal(401, (int)anonymous.StatusCode);
        using var scraped = await server.Reader.GetAsync("/metrics");
        Assert.Equal(200, (int)scraped.StatusCode);
        Assert.Contains("model=\"churn\"", await scraped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_metrics_serves_a_scraper_without_a_key_and_nothing_else()
    {
        await using var server = await RunningServer.StartAsync(new() { ["Vigil:OpenMetrics"] = "true" });
        using var scraped = await server.Anonymous.GetAsync("/metrics");
        Assert.Equal(200, (int)scraped.StatusCode);
        Assert.Equal("nosniff", Header(scraped, "X-Content-Type-Options"));
        using var api = await server.Anonymous.GetAsync("/api/v1/models");
        Assert.Equal(401, (int)api.StatusCode);
        using var dashboard = await server.Anonymous.GetAsync("/");
        Assert.Equal(401, (int)dashboard.StatusCode);
    }

    private static string Csp(HttpResponseMessage response) => Header(response, "Content-Security-Policy");

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : "";
}
