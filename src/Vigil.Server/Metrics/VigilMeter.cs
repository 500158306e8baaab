using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Prometheus;
using Vigil.Monitoring.Telemetry;

namespace Vigil.Server.Metrics;

/// <summary>
/// The <see cref="VigilMetrics"/> Prometheus metrics again as instruments of the <c>Vigil</c>
/// <see cref="System.Diagnostics.Metrics.Meter"/>, named in OpenTelemetry style (dots, units apart from the name,
/// <c>vigil.*</c> attributes), for OTLP export. Same meaning, fed at the same places: counters and histograms are
/// recorded by the <see cref="VigilMetrics"/> helpers next to their Prometheus twins; gauges are observed from the
/// Prometheus gauges, which hold the state (refreshed from the workspace, at most every 5 s, when observed).
/// With no listener every recording is dropped at once and no gauge callback runs.
/// </summary>
internal static class VigilMeter
{
    private const long RefreshEveryMs = 5000;

    // The node's silo address, on the cluster gauges.
    private const string SiloAttribute = "vigil.silo";
    private static readonly ConcurrentDictionary<Action, byte> Refreshers = new();
    private static long _refreshedAt;

    private static Meter Meter => VigilTelemetry.Meter;

    public static Counter<long> RowsIngested { get; } = Meter.CreateCounter<long>("vigil.rows.ingested", "{row}",
        "Prediction rows logged (duplicates by id not counted).");

    public static Counter<long> RowsDuplicate { get; } = Meter.CreateCounter<long>("vigil.rows.duplicate", "{row}",
        "Prediction rows ignored because their id was already logged.");

    public static Counter<long> RowsInvalid { get; } = Meter.CreateCounter<long>("vigil.rows.invalid", "{row}",
        "Rows stored by lenient ingestion although they do not match the champion's schema (vigil.input: predictions or labels).");

    public static Counter<long> Labels { get; } = Meter.CreateCounter<long>("vigil.labels", "{label}",
        "Labels received, by vigil.label.outcome: joined, pending, duplicate, late_joined.");

    public static Counter<long> ChecksRun { get; } = Meter.CreateCounter<long>("vigil.checks", "{check}",
        "Monitoring checks run, by resulting status and by what triggered them.");

    public static Histogram<double> CheckDuration { get; } = Meter.CreateHistogram("vigil.check.duration", "s",
        "Wall time of a monitoring check.", null, Buckets(VigilMetrics.CheckBuckets));

    public static Counter<long> Retrains { get; } = Meter.CreateCounter<long>("vigil.retrains", "{retrain}",
        "Retrain runs finished, by status (succeeded, failed, cancelled).");

    public static Counter<long> Promotions { get; } = Meter.CreateCounter<long>("vigil.promotions", "{promotion}",
        "Champion changes, by kind: retrain (challenger won), manual (promoted through the API), rollback.");

    public static Histogram<double> RetrainDuration { get; } = Meter.CreateHistogram("vigil.retrain.duration", "s",
        "Wall time of a retrain (AutoML search, champion/challenger comparison, registration).", null, Buckets(VigilMetrics.RetrainBuckets));

    public static Histogram<double> PredictDuration { get; } = Meter.CreateHistogram("vigil.predict.duration", "s",
        "Server-side wall time of a successful /predict call (read, score, log and commit).", null, Buckets(VigilMetrics.PredictBuckets));

    public static Histogram<double> StoreWrite { get; } = Meter.CreateHistogram("vigil.store.write.duration", "s",
        "Wall time of one store write transaction: a group commit of prediction batches or a label batch, fsync included.", null, Buckets(VigilMetrics.StoreWriteBuckets));

    private static readonly ObservableGauge<double>[] Gauges =
    [
        ObservedGauge("vigil.drift.share", "1", "Share of feature columns drifted in the latest check (0..1).", VigilMetrics.DriftShare, TelemetryTags.Model),
        ObservedGauge("vigil.metric.value", null, "Latest value of a performance metric on a labelled window.", VigilMetrics.MetricValue, TelemetryTags.Model, TelemetryTags.Metric),
        ObservedGauge("vigil.metric.baseline", null, "The champion's holdout value of a performance metric, as the latest check compared against.", VigilMetrics.MetricBaseline, TelemetryTags.Model, TelemetryTags.Metric),
        ObservedGauge("vigil.check.latest.status", "1", "Status of the latest check: 0 healthy, 1 warning, 2 alarm.", VigilMetrics.CheckStatus, TelemetryTags.Model),
        ObservedGauge("vigil.check.latest.timestamp", "s", "Unix time of the latest check.", VigilMetrics.LastCheck, TelemetryTags.Model),
        ObservedGauge("vigil.champion.version", "1", "Version number of the serving champion.", VigilMetrics.ChampionVersion, TelemetryTags.Model),
        ObservedGauge("vigil.retrain.running", "1", "1 while a retrain of the model is running, else 0.", VigilMetrics.RetrainRunning, TelemetryTags.Model),
        ObservedGauge("vigil.cluster.silos.active", "{silo}", "Active silos of the cluster, as this node's silo sees the membership.", VigilMetrics.ClusterActiveSilos, SiloAttribute),
        ObservedGauge("vigil.cluster.model_grains", "{grain}", "Model grains active on this node's silo.", VigilMetrics.ClusterModelGrains, SiloAttribute),
        ObservedGauge("vigil.cluster.rows.pending", "{row}", "Rows logged since the model's last scheduled check, from its grain.", VigilMetrics.ClusterRowsPending, TelemetryTags.Model),
    ];

    /// <summary>
    /// Each instrument's Prometheus twin, by instrument name. A Prometheus metric added to <see cref="VigilMetrics"/>
    /// needs its instrument here too (a test fails otherwise).
    /// </summary>
    public static IReadOnlyDictionary<string, string> PrometheusNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vigil.drift.share"] = "vigil_drift_share",
        ["vigil.metric.value"] = "vigil_metric_value",
        ["vigil.metric.baseline"] = "vigil_metric_baseline",
        ["vigil.check.latest.status"] = "vigil_check_status",
        ["vigil.check.latest.timestamp"] = "vigil_last_check_timestamp_seconds",
        ["vigil.champion.version"] = "vigil_champion_version",
        ["vigil.retrain.running"] = "vigil_retrain_running",
        ["vigil.rows.ingested"] = "vigil_rows_ingested_total",
        ["vigil.rows.duplicate"] = "vigil_rows_duplicate_total",
        ["vigil.rows.invalid"] = "vigil_rows_invalid_total",
        ["vigil.labels"] = "vigil_labels_total",
        ["vigil.checks"] = "vigil_checks_total",
        ["vigil.check.duration"] = "vigil_check_duration_seconds",
        ["vigil.retrains"] = "vigil_retrains_total",
        ["vigil.promotions"] = "vigil_promotions_total",
        ["vigil.retrain.duration"] = "vigil_retrain_duration_seconds",
        ["vigil.predict.duration"] = "vigil_predict_duration_seconds",
        ["vigil.store.write.duration"] = "vigil_store_write_seconds",
        ["vigil.cluster.silos.active"] = "vigil_cluster_active_silos",
        ["vigil.cluster.model_grains"] = "vigil_cluster_model_grains",
        ["vigil.cluster.rows.pending"] = "vigil_cluster_rows_pending",
    };

    /// <summary>Creates every instrument now (idempotent), so a listener sees them all from the start.</summary>
    public static void Publish() => _ = Gauges;

    /// <summary>
    /// Adds how the gauges are brought up to date from a workspace before they are observed (each running service's
    /// <c>/metrics</c> refresh); returns the action that removes it again.
    /// </summary>
    public static Action RefreshWith(Action refresh)
    {
        Refreshers.TryAdd(refresh, 0);
        return () => Refreshers.TryRemove(refresh, out _);
    }

    private static ObservableGauge<double> ObservedGauge(string name, string? unit, string description, Gauge source, params string[] attributes) =>
        Meter.CreateObservableGauge<double>(name, () => Observe(source, attributes), unit, description);

    // One measurement per labelled child of the Prometheus gauge, its labels renamed to Vigil's attributes (same order).
    private static IEnumerable<Measurement<double>> Observe(Gauge source, string[] attributes)
    {
        RefreshIfStale();
        var measurements = new List<Measurement<double>>();
        foreach (var labels in source.GetAllLabelValues())
        {
            var tags = new KeyValuePair<string, object?>[attributes.Length];
            for (var i = 0; i < attributes.Length; i++)
            {
                tags[i] = new(attributes[i], labels[i]);
            }

            measurements.Add(new Measurement<double>(source.WithLabels(labels).Value, tags));
        }

        return measurements;
    }

    // All gauges are observed in one collection; the first callback refreshes them all, the rest find them fresh.
    private static void RefreshIfStale()
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _refreshedAt);
        if ((last != 0 && now - last < RefreshEveryMs) || Interlocked.CompareExchange(ref _refreshedAt, now, last) != last)
        {
            return;
        }

        foreach (var refresh in Refreshers.Keys)
        {
            refresh();
        }
    }

    // The same bucket bounds as the Prometheus histogram (whose +Inf bucket OpenTelemetry leaves implicit).
    private static InstrumentAdvice<double> Buckets(IReadOnlyList<double> bounds) => new() { HistogramBucketBoundaries = bounds };
}
