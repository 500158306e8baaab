using Vigil.AutoML;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Reporting.Model;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// Builds a <see cref="ModelReport"/> from a workspace: the Registry (versions, champion, profile, events) and History
/// (checks, decisions, retrain runs). It computes nothing the checks did not: values, intervals, drift numbers and
/// statuses are copied from stored results; only the trend slope is fitted here (see <see cref="TrendRule"/>).
/// </summary>
/// <remarks>
/// Missing data gives empty sections, not errors: no checks → empty timeline, drift and heatmap; no profile → no
/// histograms, baselines from the champion's registered metrics, else from the checks. A check whose result JSON
/// cannot be read is left out of every section (still counted in <see cref="ReportSummary.TotalEvaluations"/>) and
/// reported as a warning finding of kind <c>unreadable_check</c> at the end of <see cref="ModelReport.QualityFindings"/>;
/// an unreadable profile likewise gives <c>unreadable_profile</c>. Registrations are events of kind <c>registered</c>
/// (a neutral marker): a registration that promotes also writes its own promotion event.
/// </remarks>
public static class ReportBuilder
{
    /// <summary>
    /// The report of <paramref name="model"/> over its latest <paramref name="maxChecks"/> checks. Throws
    /// <see cref="WorkspaceInputException"/> when the name is invalid or the model is not registered.
    /// </summary>
    public static ModelReport Build(VigilWorkspace workspace, string model, TimeProvider? time = null, int maxChecks = 200)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChecks, 1);
        var inputs = ReportInputs.Load(workspace, model, maxChecks);
        var championMetric = ChampionMetric(inputs);
        var task = Task(inputs);
        var primary = MetricTimeline.PrimaryMetric(task, inputs.Checks, championMetric);
        var judged = inputs.Checks.LastOrDefault(c => c.Result.Performance is { Rows: > 0 })?.Result.Performance;
        var watched = judged?.WatchedOrPrimary() ?? WatchedMetrics.Default(task).Metrics.Select(m => m.Name).ToArray();
        var timeline = MetricTimeline.Build(inputs.Checks, primary, championMetric, watched);
        var latest = inputs.Latest;

        var versions = inputs.Versions.Select(Summary).ToArray();
        return new ModelReport
        {
            ModelName = model,
            GeneratedAt = (time ?? TimeProvider.System).GetUtcNow().ToUniversalTime(),
            Task = task.ToString().ToLowerInvariant(),
            PrimaryMetric = primary,
            Watched = watched,
            DecidedBy = judged?.DecidedByOrDeciding() ?? [],
            PerformanceDegraded = judged?.Degraded,
            Champion = versions.FirstOrDefault(v => v.IsChampion),
            Versions = versions,
            Summary = Headline(inputs, timeline.FirstOrDefault(s => s.Metric == primary), championMetric(primary)),
            MetricTimeline = timeline,
            EstimatedTimeline = EstimatedTimeline.Build(inputs.Checks),
            EstimatorRefit = inputs.Champion is { } champion ? EstimatorRefit(workspace, champion) : null,
            // Histograms come from the profile of the version the latest check ran against, whose bins it used.
            LatestDrift = DriftViews.Latest(latest, latest is null ? null : inputs.ProfileOf(latest.Record.ModelVersion)),
            DriftHeatmap = DriftViews.Heatmap(inputs.Checks),
            Multivariate = MultivariateViews.Build(inputs.Checks),
            QualityFindings = [.. Findings(latest), .. inputs.Notes],
            Events = TimelineEvents.Build(inputs),
        };
    }

    // The refit's record only: its estimator JSON is not needed to say what it was fitted on.
    private static string? EstimatorRefit(VigilWorkspace workspace, ModelVersion champion) =>
        workspace.Store.GetVersionEstimator(champion.Model, champion.Version, withJson: false)?.Description;

    private static ReportSummary Headline(ReportInputs inputs, MetricSeries? series, double? championValue)
    {
        // The trend is the current champion's: evaluations against earlier versions describe another model.
        var champion = inputs.Champion is { } c ? TimelineEvents.Label(c.Version) : null;
        var current = series is null ? null : series with
        {
            Points = champion is null ? series.Points : series.Points.Where(p => p.Version == champion).ToArray(),
        };
        var (slope, trend) = TrendRule.Of(current);
        return new ReportSummary
        {
            TotalEvaluations = inputs.CheckCount,
            LatestValue = series is { Points.Count: > 0 } ? series.Points[^1].Value : null,
            Baseline = series?.Baseline ?? championValue,
            TrendSlope = slope,
            Trend = trend,
            TrendVersion = current is { Points.Count: > 0 } ? champion : null,
            TrendPoints = current?.Points.Count ?? 0,
            // With no readable check there is nothing to alarm on: the record's default, healthy.
            LatestStatus = inputs.Latest?.Result.Status.ToString().ToLowerInvariant() ?? "healthy",
        };
    }

    /// <summary>
    /// The champion's holdout value of a metric: its profile's baseline, else the metrics it was registered with
    /// (same holdout; exact name match only, registry keys are free-form). Null without a champion.
    /// </summary>
    private static Func<string, double?> ChampionMetric(ReportInputs inputs)
    {
        var fromProfile = inputs.ChampionProfile?.Baseline?.Metrics;
        var registered = inputs.Champion?.Metrics;
        return name => fromProfile is not null && fromProfile.TryGetValue(name, out var p) ? p
            : registered is not null && registered.TryGetValue(name, out var r) ? r
            : null;
    }

    private static VersionSummary Summary(ModelVersion v) => new()
    {
        Version = TimelineEvents.Label(v.Version),
        Learner = v.Learner,
        CreatedAt = v.CreatedAt,
        Metrics = v.Metrics,
        Reason = string.IsNullOrEmpty(v.Reason) ? null : v.Reason,
        IsChampion = v.IsChampion,
        Kind = Models.ModelKinds.Name(v.Kind),
        Note = v.Kind == Models.ModelKind.External ? ExternalNote : null,
    };

    /// <summary>Why an external version's dataset drift is unweighted (issue #16 §4).</summary>
    public const string ExternalNote =
        "log-only model: it cannot score rows, so it has no permutation importance and dataset drift counts every column alike (unweighted)";

    private static IEnumerable<QualityFindingView> Findings(ParsedCheck? latest) =>
        latest?.Result.Quality.Findings.Select(f => new QualityFindingView
        {
            Column = f.Column,
            Kind = MonitoringJson.Options.PropertyNamingPolicy!.ConvertName(f.Kind.ToString()),
            Severity = f.Severity.ToString().ToLowerInvariant(),
            Detail = f.Detail,
        }) ?? [];

    /// <summary>
    /// The task as stored: the latest performance check, else the champion's profile, else guessed from the champion's
    /// registered metric names (regression metrics → regression, macro_f1 → multiclass, otherwise binary).
    /// </summary>
    private static AutoMLTask Task(ReportInputs inputs)
    {
        var fromChecks = inputs.Checks.Select(c => c.Result.Performance?.Task).LastOrDefault(t => t is not null);
        var profile = inputs.ChampionProfile;
        if ((fromChecks ?? profile?.Task ?? profile?.Baseline?.Task) is { } known && known != AutoMLTask.Auto)
        {
            return known;
        }

        var names = (inputs.Champion ?? inputs.Versions[^1]).Metrics.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return names.Overlaps(["rmse", "mae", "r2"]) ? AutoMLTask.Regression
            : names.Contains("macro_f1") ? AutoMLTask.Multiclass
            : AutoMLTask.Binary;
    }
}
