namespace Vigil.Monitoring.Reporting.Model;

/// <summary>
/// Everything a model report shows, as plain data. Computed elsewhere (checks, history, registry) and only rendered by
/// <see cref="ReportJson"/> and by Vigil.Rendering's <c>HtmlReport</c>. Lists may be empty; a section with no data says so.
/// </summary>
public sealed record ModelReport
{
    /// <summary>Registry name of the monitored model.</summary>
    public required string ModelName { get; init; }

    /// <summary>When the report was produced, in UTC.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary><c>binary</c>, <c>multiclass</c> or <c>regression</c>.</summary>
    public required string Task { get; init; }

    /// <summary>
    /// The headline metric of the summary cards and the first chart, e.g. <c>accuracy</c> (kept for compatibility:
    /// health is decided by <see cref="Watched"/>, see <see cref="DecidedBy"/>).
    /// </summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>The watched metrics (of the latest labelled check, else the task's default): any of them confidently degraded is an alarm.</summary>
    public IReadOnlyList<string> Watched { get; init; } = [];

    /// <summary>
    /// What decided the latest labelled check: its degraded watched metrics when it was degraded, otherwise every
    /// watched metric it could judge. Empty before labels arrive.
    /// </summary>
    public IReadOnlyList<string> DecidedBy { get; init; } = [];

    /// <summary>True when the latest labelled check found a watched metric confidently degraded; null before labels arrive.</summary>
    public bool? PerformanceDegraded { get; init; }

    /// <summary>The version serving now; null before the first promotion.</summary>
    public VersionSummary? Champion { get; init; }

    /// <summary>Every registered version, newest last.</summary>
    public IReadOnlyList<VersionSummary> Versions { get; init; } = [];

    /// <summary>The headline numbers.</summary>
    public required ReportSummary Summary { get; init; }

    /// <summary>One series per tracked metric, the headline metric first, then the watched ones, then the rest.</summary>
    public IReadOnlyList<MetricSeries> MetricTimeline { get; init; } = [];

    /// <summary>One series per metric estimated without labels (CBPE / DLE), with realised values where labels came; empty without estimates.</summary>
    public IReadOnlyList<EstimatedSeries> EstimatedTimeline { get; init; } = [];

    /// <summary>
    /// When the champion's estimator was refitted on labelled production rows (<c>vigil models estimator</c>): what it
    /// was fitted on, when and by whom. Null when its checks use the estimator fitted with the version.
    /// </summary>
    public string? EstimatorRefit { get; init; }

    /// <summary>Per-column drift of the latest check, in the reference's column order.</summary>
    public IReadOnlyList<DriftColumnView> LatestDrift { get; init; } = [];

    /// <summary>Drift of every column over recent checks.</summary>
    public DriftHeatmapView? DriftHeatmap { get; init; }

    /// <summary>Multivariate drift (domain classifier, PCA reconstruction) over the checks that ran it; null when none did.</summary>
    public MultivariateView? Multivariate { get; init; }

    /// <summary>Data-quality findings of the latest check.</summary>
    public IReadOnlyList<QualityFindingView> QualityFindings { get; init; } = [];

    /// <summary>Alarms, retrain decisions, retrains, promotions, rollbacks and changes found on the streams, oldest first.</summary>
    public IReadOnlyList<TimelineEvent> Events { get; init; } = [];

    /// <summary>The shadow challenger against the champion on the same labelled rows; null when the model has no shadow.</summary>
    public Shadows.ShadowStatus? Shadow { get; init; }
}
