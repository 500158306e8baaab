using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Store;
using Vigil.Server.Metrics;

namespace Vigil.Server.Tests.Dashboard;

[Collection(DashboardCollection.Name)]
public sealed class MetricsEndpointTests(DashboardFixture fixture)
{
    [Fact]
    public async Task MetricsArePrometheusTextWithEveryVigilMetricLabelledByModel()
    {
        var (status, type, text) = await Scrape();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("text/plain", type, StringComparison.Ordinal);
        foreach (var name in new[]
        {
            "vigil_drift_share", "vigil_metric_value", "vigil_metric_baseline", "vigil_rows_ingested_total", "vigil_labels_total",
            "vigil_checks_total", "vigil_check_duration_seconds", "vigil_retrains_total", "vigil_promotions_total", "vigil_retrain_duration_seconds",
            "vigil_store_write_seconds", "vigil_predict_duration_seconds",
        })
        {
            Assert.Contains("# HELP " + name + " ", text, StringComparison.Ordinal);
        }

        Assert.Contains("# TYPE vigil_drift_share gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE vigil_check_duration_seconds histogram", text, StringComparison.Ordinal);
        // Counters of every known model exist at zero before any event in this process.
        Assert.Contains("vigil_rows_ingested_total{model=\"churn-model\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("vigil_labels_total{model=\"fraud.v2\",outcome=\"joined\"} 0", text, StringComparison.Ordinal);
        Assert.Contains("vigil_promotions_total{model=\"fraud.v2\",kind=\"retrain\"} 0", text, StringComparison.Ordinal);
        // Process metrics stay; the noisy Meter/EventCounter bridges are off.
        Assert.Contains("process_cpu_seconds_total", text, StringComparison.Ordinal);
        Assert.DoesNotContain("microsoft_aspnetcore", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GaugesMatchTheWorkspaceLatestCheckEvenWithoutEventsInThisProcess()
    {
        var (_, _, text) = await Scrape();
        Assert.Equal(fixture.LatestDriftShare, Value(text, "vigil_drift_share{model=\"churn-model\"}"), 9);

        // The metric gauges equal the latest labelled check's stored values.
        using var monitor = Vigil.Monitoring.VigilMonitor.Open(fixture.Folder);
        var latest = MonitoringJson.Deserialize<MonitoringResult>(monitor.Workspace.Store.ListChecks(DashboardFixture.Model, 1)[0].ResultJson);
        var primary = latest.Performance!.Metrics.First(m => m.Name == latest.Performance.PrimaryMetric);
        Assert.Equal(primary.Value!.Value, Value(text, $"vigil_metric_value{{model=\"churn-model\",metric=\"{primary.Name}\"}}"), 9);
        Assert.Equal(primary.Baseline!.Value, Value(text, $"vigil_metric_baseline{{model=\"churn-model\",metric=\"{primary.Name}\"}}"), 9);
        Assert.Equal((int)latest.Status, Value(text, "vigil_check_status{model=\"churn-model\"}"));
        Assert.Equal(monitor.Champion(DashboardFixture.Model).Version, Value(text, "vigil_champion_version{model=\"churn-model\"}"));
    }

    [Fact]
    public async Task EventsCountedByTheApiShowUpInTheNextScrape()
    {
        const string Model = "metrics-events-test";
        var status = "";
        VigilMetrics.CountIngest(Model, new IngestResult(120, 4, 2));
        VigilMetrics.CountLabels(Model, new LabelResult(30, 5, 1));
        VigilMetrics.RetrainFinished(Model, RetrainStatus.Succeeded, TimeSpan.FromSeconds(12), promoted: true);
        VigilMetrics.RetrainFinished(Model, RetrainStatus.Failed, TimeSpan.FromSeconds(3), promoted: false);
        using (var monitor = Vigil.Monitoring.VigilMonitor.Open(fixture.Folder))
        {
            var result = MonitoringJson.Deserialize<MonitoringResult>(monitor.Workspace.Store.ListChecks(DashboardFixture.Model, 1)[0].ResultJson);
            VigilMetrics.CheckCompleted(Model, TimeSpan.FromMilliseconds(80), result, "scheduler");
            status = result.Status.ToString().ToLowerInvariant();
        }

        var (_, _, text) = await Scrape();
        Assert.Equal(120, Value(text, "vigil_rows_ingested_total{model=\"metrics-events-test\"}"));
        Assert.Equal(4, Value(text, "vigil_rows_duplicate_total{model=\"metrics-events-test\"}"));
        Assert.Equal(30, Value(text, "vigil_labels_total{model=\"metrics-events-test\",outcome=\"joined\"}"));
        Assert.Equal(2, Value(text, "vigil_labels_total{model=\"metrics-events-test\",outcome=\"late_joined\"}"));
        Assert.Equal(1, Value(text, $"vigil_checks_total{{model=\"metrics-events-test\",status=\"{status}\",trigger=\"scheduler\"}}"));
        Assert.Equal(1, Value(text, "vigil_check_duration_seconds_count{model=\"metrics-events-test\"}"));
        Assert.Equal(1, Value(text, "vigil_retrains_total{model=\"metrics-events-test\",status=\"succeeded\"}"));
        Assert.Equal(1, Value(text, "vigil_retrains_total{model=\"metrics-events-test\",status=\"failed\"}"));
        Assert.Equal(1, Value(text, "vigil_promotions_total{model=\"metrics-events-test\",kind=\"retrain\"}"));
        Assert.Equal(15, Value(text, "vigil_retrain_duration_seconds_sum{model=\"metrics-events-test\"}"), 9);
        Assert.Equal(fixture.LatestDriftShare, Value(text, "vigil_drift_share{model=\"metrics-events-test\"}"), 9);
    }

    private static double Value(string text, string series)
    {
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, "series " + series + " not found in:\n" + text);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<(HttpStatusCode Status, string Type, string Body)> Scrape()
    {
        using var response = await fixture.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString() ?? "", await response.Content.ReadAsStringAsync());
    }
}
