using Prometheus;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Telemetry;

namespace Vigil.Server.Metrics;

/// <summary>
/// Vigil's Prometheus metrics, all prefixed <c>vigil_</c> and labelled by <c>model</c>. The API and scheduler feed
/// counters and histograms as things happen, either through the metric objects directly or the helpers
/// (<see cref="CountIngest"/>, <see cref="CountLabels"/>, <see cref="CheckCompleted"/>, <see cref="RetrainFinished"/>).
/// Gauges are also refreshed from the workspace's latest checks on every scrape (<see cref="Refresh"/>), so they are
/// right after a restart; counters restart at zero with the process, which Prometheus' <c>rate()</c> expects.
/// </summary>
public static class VigilMetrics
{
    private static readonly string[] ModelLabel = ["model"];

    // Histogram bucket bounds, shared with the Meter's instruments (VigilMeter) so both report the same buckets.
    internal static IReadOnlyList<double> CheckBuckets { get; } = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    internal static IReadOnlyList<double> RetrainBuckets { get; } = [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    internal static IReadOnlyList<double> PredictBuckets { get; } = [0.00025, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    internal static IReadOnlyList<double> StoreWriteBuckets { get; } = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    /// <summary><c>vigil_drift_share{model}</c>: share of feature columns drifted in the latest check (0..1).</summary>
    public static Gauge DriftShare { get; } = Prometheus.Metrics.CreateGauge("vigil_drift_share",
        "Share of feature columns drifted in the latest check (0..1).", ModelLabel);

    /// <summary><c>vigil_metric_value{model,metric}</c>: latest value of a performance metric.</summary>
    public static Gauge MetricValue { get; } = Prometheus.Metrics.CreateGauge("vigil_metric_value",
        "Latest value of a performance metric on a labelled window.", ["model", "metric"]);

    /// <summary><c>vigil_metric_baseline{model,metric}</c>: the champion's holdout value the latest check compared against.</summary>
    public static Gauge MetricBaseline { get; } = Prometheus.Metrics.CreateGauge("vigil_metric_baseline",
        "The champion's holdout value of a performance metric, as the latest check compared against.", ["model", "metric"]);

    /// <summary><c>vigil_check_status{model}</c>: 0 healthy, 1 warning, 2 alarm.</summary>
    public static Gauge CheckStatus { get; } = Prometheus.Metrics.CreateGauge("vigil_check_status",
        "Status of the latest check: 0 healthy, 1 warning, 2 alarm.", ModelLabel);

    /// <summary><c>vigil_last_check_timestamp_seconds{model}</c>.</summary>
    public static Gauge LastCheck { get; } = Prometheus.Metrics.CreateGauge("vigil_last_check_timestamp_seconds",
        "Unix time of the latest check.", ModelLabel);

    /// <summary><c>vigil_champion_version{model}</c>.</summary>
    public static Gauge ChampionVersion { get; } = Prometheus.Metrics.CreateGauge("vigil_champion_version",
        "Version number of the serving champion.", ModelLabel);

    /// <summary><c>vigil_retrain_running{model}</c>: 1 while a retrain runs.</summary>
    public static Gauge RetrainRunning { get; } = Prometheus.Metrics.CreateGauge("vigil_retrain_running",
        "1 while a retrain of the model is running, else 0.", ModelLabel);

    /// <summary><c>vigil_rows_ingested_total{model}</c>: prediction rows logged (duplicates not counted).</summary>
    public static Counter RowsIngested { get; } = Prometheus.Metrics.CreateCounter("vigil_rows_ingested_total",
        "Prediction rows logged (duplicates by id not counted).", ModelLabel);

    /// <summary><c>vigil_rows_duplicate_total{model}</c>: prediction rows ignored as duplicates by id.</summary>
    public static Counter RowsDuplicate { get; } = Prometheus.Metrics.CreateCounter("vigil_rows_duplicate_total",
        "Prediction rows ignored because their id was already logged.", ModelLabel);

    /// <summary><c>vigil_rows_invalid_total{model,input}</c>: rows stored by lenient ingestion although they do not match the champion's schema.</summary>
    public static Counter RowsInvalid { get; } = Prometheus.Metrics.CreateCounter("vigil_rows_invalid_total",
        "Rows stored by lenient ingestion although they do not match the champion's schema (input: predictions or labels).",
        ["model", "input"]);

    /// <summary><c>vigil_labels_total{model,outcome}</c>: outcome joined, pending, duplicate or late_joined.</summary>
    public static Counter Labels { get; } = Prometheus.Metrics.CreateCounter("vigil_labels_total",
        "Labels received, by outcome: joined (to their prediction), pending (prediction not seen yet), duplicate, late_joined (a waiting label joined when its prediction arrived).",
        ["model", "outcome"]);

    /// <summary><c>vigil_checks_total{model,status,trigger}</c>.</summary>
    public static Counter ChecksRun { get; } = Prometheus.Metrics.CreateCounter("vigil_checks_total",
        "Monitoring checks run, by resulting status and by what triggered them.", ["model", "status", "trigger"]);

    /// <summary><c>vigil_check_duration_seconds{model}</c>.</summary>
    public static Histogram CheckDuration { get; } = Prometheus.Metrics.CreateHistogram("vigil_check_duration_seconds",
        "Wall time of a monitoring check.", new HistogramConfiguration
        {
            LabelNames = ModelLabel,
            Buckets = [.. CheckBuckets],
        });

    /// <summary><c>vigil_retrains_total{model,status}</c>: status succeeded, failed or cancelled.</summary>
    public static Counter Retrains { get; } = Prometheus.Metrics.CreateCounter("vigil_retrains_total",
        "Retrain runs finished, by status (succeeded, failed, cancelled).", ["model", "status"]);

    /// <summary><c>vigil_promotions_total{model,kind}</c>: kind retrain, manual or rollback.</summary>
    public static Counter Promotions { get; } = Prometheus.Metrics.CreateCounter("vigil_promotions_total",
        "Champion changes, by kind: retrain (challenger won), manual (promoted through the API), rollback.", ["model", "kind"]);

    /// <summary><c>vigil_retrain_duration_seconds{model}</c>.</summary>
    public static Histogram RetrainDuration { get; } = Prometheus.Metrics.CreateHistogram("vigil_retrain_duration_seconds",
        "Wall time of a retrain (AutoML search, champion/challenger comparison, registration).", new HistogramConfiguration
        {
            LabelNames = ModelLabel,
            Buckets = [.. RetrainBuckets],
        });

    /// <summary>
    /// <c>vigil_predict_duration_seconds{model}</c>: a successful <c>/predict</c> call inside the server, from the handler's
    /// start (before the body is read) to its answer (after the logged rows committed). Network and queueing in
    /// Kestrel are outside it, so a client's latency minus this is the transport and the machine.
    /// </summary>
    public static Histogram PredictDuration { get; } = Prometheus.Metrics.CreateHistogram("vigil_predict_duration_seconds",
        "Server-side wall time of a successful /predict call (read, score, log and commit).", new HistogramConfiguration
        {
            LabelNames = ModelLabel,
            Buckets = [.. PredictBuckets],
        });

    /// <summary>
    /// <c>vigil_store_write_seconds</c>: one write of the service's single writer (a group commit of prediction
    /// batches, or a label batch), fsync included. Every ingest and /predict answer waits for one, so its tail is
    /// theirs; a slow disk shows here first.
    /// </summary>
    public static Histogram StoreWrite { get; } = Prometheus.Metrics.CreateHistogram("vigil_store_write_seconds",
        "Wall time of one store write transaction: a group commit of prediction batches or a label batch, fsync included.", new HistogramConfiguration
        {
            Buckets = [.. StoreWriteBuckets],
        });

    /// <summary><c>vigil_cluster_active_silos{silo}</c>: active silos of the cluster as the node's silo sees them (cluster mode only).</summary>
    public static Gauge ClusterActiveSilos { get; } = Prometheus.Metrics.CreateGauge("vigil_cluster_active_silos",
        "Active silos of the cluster, as this node's silo sees the membership (cluster mode only).", ["silo"]);

    /// <summary><c>vigil_cluster_model_grains{silo}</c>: model grains active on the node's silo; summed over the nodes, the cluster's.</summary>
    public static Gauge ClusterModelGrains { get; } = Prometheus.Metrics.CreateGauge("vigil_cluster_model_grains",
        "Model grains (one per scheduled model) active on this node's silo; the sum over the nodes is the cluster's (cluster mode only).", ["silo"]);

    /// <summary><c>vigil_cluster_rows_pending{model}</c>: rows since the model's last scheduled check, from its grain (on the node that hosts it).</summary>
    public static Gauge ClusterRowsPending { get; } = Prometheus.Metrics.CreateGauge("vigil_cluster_rows_pending",
        "Rows logged since the model's last scheduled check, counted by its grain on whichever node ingested them; exported by the node that hosts the grain (cluster mode only).", ModelLabel);

    // Every counter and histogram below is recorded twice: to Prometheus and to the Meter's instrument of the same
    // meaning (VigilMeter). Record through these helpers, not through the Prometheus objects, so both stay equal.

    /// <summary>Counts a prediction batch: rows inserted, duplicates, and waiting labels it joined.</summary>
    public static void CountIngest(string model, IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        RowsIngested.WithLabels(model).Inc(result.Inserted);
        RowsDuplicate.WithLabels(model).Inc(result.Duplicates);
        Labels.WithLabels(model, "late_joined").Inc(result.LateLabelsJoined);
        var tag = ModelTag(model);
        VigilMeter.RowsIngested.Add(result.Inserted, tag);
        VigilMeter.RowsDuplicate.Add(result.Duplicates, tag);
        VigilMeter.Labels.Add(result.LateLabelsJoined, tag, new(TelemetryTags.LabelOutcome, "late_joined"));
    }

    /// <summary>Counts a label batch by outcome.</summary>
    public static void CountLabels(string model, LabelResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Labels.WithLabels(model, "joined").Inc(result.Joined);
        Labels.WithLabels(model, "pending").Inc(result.Pending);
        Labels.WithLabels(model, "duplicate").Inc(result.Duplicates);
        var tag = ModelTag(model);
        VigilMeter.Labels.Add(result.Joined, tag, new(TelemetryTags.LabelOutcome, "joined"));
        VigilMeter.Labels.Add(result.Pending, tag, new(TelemetryTags.LabelOutcome, "pending"));
        VigilMeter.Labels.Add(result.Duplicates, tag, new(TelemetryTags.LabelOutcome, "duplicate"));
    }

    /// <summary>Counts rows (<paramref name="input"/> <c>predictions</c>) or labels (<c>labels</c>) that lenient ingestion stored although they do not match the schema.</summary>
    public static void CountInvalid(string model, string input, int rows)
    {
        RowsInvalid.WithLabels(model, input).Inc(rows);
        VigilMeter.RowsInvalid.Add(rows, ModelTag(model), new(TelemetryTags.Input, input));
    }

    /// <summary>Records the server-side time of a successful <c>/predict</c> call.</summary>
    public static void PredictCompleted(string model, TimeSpan duration)
    {
        PredictDuration.WithLabels(model).Observe(duration.TotalSeconds);
        VigilMeter.PredictDuration.Record(duration.TotalSeconds, ModelTag(model));
    }

    /// <summary>Records the time of one store write transaction.</summary>
    public static void StoreWriteCompleted(TimeSpan duration)
    {
        StoreWrite.Observe(duration.TotalSeconds);
        VigilMeter.StoreWrite.Record(duration.TotalSeconds);
    }

    /// <summary>Counts a champion change of <paramref name="kind"/> <c>retrain</c>, <c>manual</c> or <c>rollback</c>.</summary>
    public static void CountPromotion(string model, string kind)
    {
        Promotions.WithLabels(model, kind).Inc();
        VigilMeter.Promotions.Add(1, ModelTag(model), new(TelemetryTags.PromotionKind, kind));
    }

    /// <summary>Records a finished check: the counter, its duration, and the gauges from its result.</summary>
    public static void CheckCompleted(string model, TimeSpan duration, MonitoringResult result, string trigger = "api")
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Status.ToString().ToLowerInvariant();
        var seconds = Math.Max(0, duration.TotalSeconds);
        ChecksRun.WithLabels(model, status, trigger).Inc();
        CheckDuration.WithLabels(model).Observe(seconds);
        VigilMeter.ChecksRun.Add(1, ModelTag(model), new(TelemetryTags.CheckStatus, status), new(TelemetryTags.CheckTrigger, trigger));
        VigilMeter.CheckDuration.Record(seconds, ModelTag(model));
        SetGauges(model, result);
    }

    /// <summary>Records a finished retrain: by status, its duration, and a promotion when the challenger won.</summary>
    public static void RetrainFinished(string model, RetrainStatus status, TimeSpan duration, bool promoted)
    {
        var name = status.ToString().ToLowerInvariant();
        var seconds = Math.Max(0, duration.TotalSeconds);
        Retrains.WithLabels(model, name).Inc();
        RetrainDuration.WithLabels(model).Observe(seconds);
        VigilMeter.Retrains.Add(1, ModelTag(model), new(TelemetryTags.RetrainStatus, name));
        VigilMeter.RetrainDuration.Record(seconds, ModelTag(model));
        if (promoted)
        {
            CountPromotion(model, "retrain");
        }
    }

    /// <summary>
    /// Sets every model's gauges from the workspace (champion, latest check) and creates its main counters at zero,
    /// so dashboards and alerts see each model's series before its first event in this process.
    /// </summary>
    public static void Refresh(VigilMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        foreach (var model in monitor.Workspace.Registry.ListModels())
        {
            RowsIngested.WithLabels(model);
            Labels.WithLabels(model, "joined");
            Promotions.WithLabels(model, "retrain");
            VigilMeter.RowsIngested.Add(0, ModelTag(model));
            VigilMeter.Labels.Add(0, ModelTag(model), new(TelemetryTags.LabelOutcome, "joined"));
            VigilMeter.Promotions.Add(0, ModelTag(model), new(TelemetryTags.PromotionKind, "retrain"));
            if (monitor.Workspace.Registry.GetChampion(model) is { } champion)
            {
                ChampionVersion.WithLabels(model).Set(champion.Version);
            }

            if (monitor.Workspace.Store.ReadChecks(model, 1).FirstOrDefault() is { Result: { } result } latest)
            {
                SetGauges(model, result);
                LastCheck.WithLabels(model).Set(latest.Record.RanAt.ToUnixTimeMilliseconds() / 1000.0);
            }
        }
    }

    /// <summary>
    /// Sets the cluster gauges from this node's silo: the active silos it sees, the model grains it hosts and their
    /// pending rows (the series of a model whose grain moved away are removed).
    /// </summary>
    public static void RefreshCluster(string silo, int activeSilos, IReadOnlyDictionary<string, long> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ClusterActiveSilos.WithLabels(silo).Set(activeSilos);
        ClusterModelGrains.WithLabels(silo).Set(pending.Count);
        foreach (var labels in ClusterRowsPending.GetAllLabelValues().ToArray())
        {
            if (!pending.ContainsKey(labels[0]))
            {
                ClusterRowsPending.RemoveLabelled(labels);
            }
        }

        foreach (var (model, rows) in pending)
        {
            ClusterRowsPending.WithLabels(model).Set(rows);
        }
    }

    private static KeyValuePair<string, object?> ModelTag(string model) => new(TelemetryTags.Model, model);

    private static void SetGauges(string model, MonitoringResult result)
    {
        DriftShare.WithLabels(model).Set(result.Drift.DriftedShare);
        CheckStatus.WithLabels(model).Set((int)result.Status);
        LastCheck.WithLabels(model).Set(result.RanAt.ToUnixTimeMilliseconds() / 1000.0);
        // A check without labels keeps the last known values: no labels is not a change in performance.
        foreach (var m in result.Performance?.Metrics ?? [])
        {
            if (m.Value is { } v && double.IsFinite(v))
            {
                MetricValue.WithLabels(model, m.Name).Set(v);
            }

            if (m.Baseline is { } b && double.IsFinite(b))
            {
                MetricBaseline.WithLabels(model, m.Name).Set(b);
            }
        }
    }
}
