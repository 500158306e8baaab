namespace Vigil.Monitoring.Telemetry;

/// <summary>
/// Attribute names on Vigil's spans and measurements. Values are names, versions, counts, statuses and one-line
/// error messages; never row data, labels, URLs of channels or secrets.
/// </summary>
public static class TelemetryTags
{
    public const string Model = "vigil.model";

    /// <summary>The model version the operation used (the champion for a check, the champion retrained from).</summary>
    public const string Version = "vigil.version";

    /// <summary>How a check ended: <c>healthy</c>, <c>warning</c>, <c>alarm</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public const string CheckStatus = "vigil.check.status";

    /// <summary>What started a check: <c>api</c>, <c>scheduler</c>, <c>cli</c> (absent for a plain library call).</summary>
    public const string CheckTrigger = "vigil.check.trigger";

    public const string CheckId = "vigil.check.id";

    /// <summary>Rows in the checked window.</summary>
    public const string CheckRows = "vigil.check.rows";

    /// <summary>Rows of the window with a label (the performance check's sample).</summary>
    public const string CheckLabelledRows = "vigil.check.labelled_rows";

    /// <summary>Share of feature columns drifted (0..1).</summary>
    public const string DriftShare = "vigil.drift.share";

    /// <summary>The retrain policy's verdict after the check.</summary>
    public const string DecisionRetrain = "vigil.decision.retrain";

    /// <summary>How a retrain ended: <c>succeeded</c>, <c>failed</c> or <c>cancelled</c>.</summary>
    public const string RetrainStatus = "vigil.retrain.status";

    public const string RetrainRun = "vigil.retrain.run_id";

    public const string RetrainPromoted = "vigil.retrain.promoted";

    public const string ChallengerVersion = "vigil.challenger.version";

    /// <summary>The metric that decided champion vs challenger.</summary>
    public const string RetrainMetric = "vigil.retrain.metric";

    public const string TrainingRows = "vigil.retrain.training_rows";

    public const string HoldoutRows = "vigil.retrain.holdout_rows";

    /// <summary>The learner of the challenger (e.g. <c>lgbm</c>).</summary>
    public const string Learner = "vigil.retrain.learner";

    /// <summary>The configured name of an alert channel (its URL is never recorded: a webhook URL can be a secret).</summary>
    public const string AlertChannel = "vigil.alert.channel";

    /// <summary>The kind of alert event (e.g. <c>status_changed</c>).</summary>
    public const string AlertEvent = "vigil.alert.event";

    public const string AlertId = "vigil.alert.id";

    /// <summary>1 for the first delivery attempt of an alert to a channel.</summary>
    public const string AlertAttempt = "vigil.alert.attempt";

    /// <summary>How a delivery attempt ended: <c>delivered</c>, <c>retry</c> (will be tried again) or <c>failed</c> (given up).</summary>
    public const string AlertOutcome = "vigil.alert.outcome";

    /// <summary>A performance metric's name on the metric gauges (e.g. <c>roc_auc</c>).</summary>
    public const string Metric = "vigil.metric";

    /// <summary>What lenient ingestion stored although it did not match the schema: <c>predictions</c> or <c>labels</c>.</summary>
    public const string Input = "vigil.input";

    /// <summary>What became of a received label: <c>joined</c>, <c>pending</c>, <c>duplicate</c>, <c>late_joined</c>.</summary>
    public const string LabelOutcome = "vigil.label.outcome";

    /// <summary>Why the champion changed: <c>retrain</c>, <c>manual</c>, <c>rollback</c>.</summary>
    public const string PromotionKind = "vigil.promotion.kind";

    /// <summary>The receiver's HTTP status (OpenTelemetry's semantic convention name).</summary>
    public const string HttpStatusCode = "http.response.status_code";

    /// <summary>The exception type of a failed operation (OpenTelemetry's semantic convention name).</summary>
    public const string ErrorType = "error.type";
}
