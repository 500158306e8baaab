using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Telemetry;
using Vigil.Server.Api;
using Vigil.Server.Metrics;

namespace Vigil.Server.Tests.Telemetry;

/// <summary>
/// The Prometheus metrics also go through the <c>Vigil</c> meter with the same meaning, observed with a
/// <see cref="MeterListener"/> (the meter needs no OpenTelemetry SDK); <c>/metrics</c> keeps exactly its series.
/// </summary>
public sealed class MeterTests
{
    [Fact]
    public void Every_prometheus_metric_has_an_instrument_of_the_same_kind_in_the_meter()
    {
        var published = new Dictionary<string, Instrument>(StringComparer.Ordinal);
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == VigilTelemetry.Name)
                {
                    lock (published)
                    {
                        published[instrument.Name] = instrument;
                    }
                }
            };
            VigilMeter.Publish();
            listener.Start(); // reports every instrument already created
        }

        foreach (var collector in PrometheusCollectors())
        {
            var twin = VigilMeter.PrometheusNames.SingleOrDefault(p => p.Value == collector.Name).Key;
            Assert.True(twin is not null, $"{collector.Name} has no instrument in VigilMeter (add one and its entry in PrometheusNames)");
            Assert.True(published.TryGetValue(twin, out var instrument), $"{twin} is not published by the Vigil meter");
            switch (collector)
            {
                case Prometheus.Counter:
                    Assert.IsType<Counter<long>>(instrument);
                    break;
                case Prometheus.Gauge:
                    Assert.IsType<ObservableGauge<double>>(instrument);
                    break;
                case Prometheus.Histogram:
                    Assert.IsType<Histogram<double>>(instrument);
                    Assert.Equal("s", instrument.Unit);
                    break;
                default:
                    Assert.Fail($"unexpected collector type {collector.GetType().Name}");
                    break;
            }

            Assert.Equal(VigilTelemetry.Version, instrument.Meter.Version);
        }

        Assert.Equal(PrometheusCollectors().Count, VigilMeter.PrometheusNames.Count);
    }

    [Fact]
    public async Task Counters_histograms_and_gauges_carry_the_same_figures_as_prometheus()
    {
        const string Model = "otel-meter";
        using var recorded = new MeasurementRecorder(Model);
        await using var server = await RunningServer.StartAsync();
        await server.RegisterAsync(Model, "imports/otel-meter");
        await RunningServer.Expect(await server.Writer.PostAsync($"/api/v1/models/{Model}/predictions", RunningServer.Json(TrainedModel.Rows(0, 120))), 200);
        await RunningServer.Expect(await server.Writer.PostAsync($"/api/v1/models/{Model}/predictions", RunningServer.Json(TrainedModel.Rows(100, 30))), 200);
        await RunningServer.Expect(await server.Writer.PostAsync($"/api/v1/models/{Model}/labels", RunningServer.Json(TrainedModel.Labels(0, 130))), 200);
        var check = await RunningServer.Expect(await server.Writer.PostAsJsonAsync($"/api/v1/models/{Model}/checks", new { last = 100 }), 201);
        var status = (string)check["check"]!["status"]!;
        VigilMetrics.RetrainFinished(Model, RetrainStatus.Succeeded, TimeSpan.FromSeconds(12), promoted: true);
        VigilMetrics.CountPromotion(Model, "rollback");
        var text = await (await server.Reader.GetAsync("/metrics")).Content.ReadAsStringAsync();
        recorded.ObserveGauges(); // after the scrape, which refreshed the shared gauge state from the workspace
        Assert.Equal(130, recorded.Sum("vigil.rows.ingested"));
        Assert.Equal(Series(text, $"vigil_rows_ingested_total{{model=\"{Model}\"}}"), recorded.Sum("vigil.rows.ingested"));
        Assert.Equal(20, recorded.Sum("vigil.rows.duplicate"));
        Assert.Equal(130, recorded.Sum("vigil.labels", (TelemetryTags.LabelOutcome, "joined")));
        Assert.Equal(1, recorded.Sum("vigil.checks", (TelemetryTags.CheckStatus, status), (TelemetryTags.CheckTrigger, "api")));
        Assert.Equal(1, recorded.Count("vigil.check.duration"));
        Assert.Equal(1, recorded.Sum("vigil.retrains", (TelemetryTags.RetrainStatus, "succeeded")));
        Assert.Equal(12, recorded.Sum("vigil.retrain.duration"), 9);
        Assert.Equal(1, recorded.Sum("vigil.promotions", (TelemetryTags.PromotionKind, "retrain")));
        Assert.Equal(1, recorded.Sum("vigil.promotions", (TelemetryTags.PromotionKind, "rollback")));

        // Gauges: the latest check's figures, as in /metrics and in the stored result.
        var stored = MonitoringJson.Deserialize<MonitoringResult>(
            server.Services.GetRequiredService<WorkspaceHost>().Workspace.Store.ListChecks(Model, 1)[0].ResultJson);
        Assert.Equal(stored.Drift.DriftedShare, recorded.Last("vigil.drift.share"), 12);
        Assert.Equal(Series(text, $"vigil_drift_share{{model=\"{Model}\"}}"), recorded.Last("vigil.drift.share"), 12);
        Assert.Equal((int)stored.Status, recorded.Last("vigil.check.latest.status"));
        Assert.Equal(1, recorded.Last("vigil.champion.version"));
        var primary = stored.Performance!.Metrics.First(m => m.Name == stored.Performance.PrimaryMetric);
        Assert.Equal(primary.Value!.Value, recorded.Last("vigil.metric.value", (TelemetryTags.Metric, primary.Name)), 12);
        Assert.Equal(primary.Baseline!.Value, recorded.Last("vigil.metric.baseline", (TelemetryTags.Metric, primary.Name)), 12);
    }

    [Fact]
    public async Task Metrics_keeps_exactly_the_prometheus_families_while_the_meter_is_listened_to()
    {
        const string Model = "otel-prometheus";
        using var recorded = new MeasurementRecorder(Model);
        await using var server = await RunningServer.StartAsync();
        VigilMetrics.CountIngest(Model, new IngestResult(5, 1, 0));
        VigilMetrics.CountInvalid(Model, "labels", 2);
        VigilMetrics.PredictCompleted(Model, TimeSpan.FromMilliseconds(3));
        VigilMetrics.RetrainRunning.WithLabels(Model).Set(1);
        recorded.ObserveGauges();
        Assert.Equal(1, recorded.Last("vigil.retrain.running"));
        var text = await (await server.Reader.GetAsync("/metrics")).Content.ReadAsStringAsync();

        // Every vigil family is one VigilMetrics declares, once, with its help text and type: none comes from the meter.
        var declared = PrometheusCollectors().ToDictionary(c => c.Name, StringComparer.Ordinal);
        var types = Regex.Matches(text, "^# TYPE (vigil\\S*) (\\S+)$", RegexOptions.Multiline);
        Assert.NotEmpty(types);
        Assert.Equal(types.Count, types.Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Count());
        foreach (Match type in types)
        {
            var name = type.Groups[1].Value;
            Assert.True(declared.TryGetValue(name, out var collector), $"/metrics has {name}, which VigilMetrics does not declare");
            Assert.Equal(collector switch { Prometheus.Counter => "counter", Prometheus.Gauge => "gauge", _ => "histogram" }, type.Groups[2].Value);
            Assert.Contains($"# HELP {name} {collector.Help}\n", text, StringComparison.Ordinal);
        }

        Assert.Contains($"vigil_rows_ingested_total{{model=\"{Model}\"}} 5\n", text, StringComparison.Ordinal);
        Assert.Contains($"vigil_rows_invalid_total{{model=\"{Model}\",input=\"labels\"}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"vigil_predict_duration_seconds_count{{model=\"{Model}\"}} 1\n", text, StringComparison.Ordinal);
        Assert.Contains($"vigil_retrain_running{{model=\"{Model}\"}} 1\n", text, StringComparison.Ordinal);
    }

    private static List<Prometheus.Collector> PrometheusCollectors() =>
        typeof(VigilMetrics).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => typeof(Prometheus.Collector).IsAssignableFrom(p.PropertyType))
            .Select(p => (Prometheus.Collector)p.GetValue(null)!)
            .ToList();

    private static double Series(string text, string series)
    {
        var match = Regex.Match(text, "^" + Regex.Escape(series) + " (\\S+)$", RegexOptions.Multiline);
        Assert.True(match.Success, "series " + series + " not found");
        return double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
