using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// Runs the drift, quality and performance checks of one model version on windows and combines them into a
/// <see cref="MonitoringResult"/> with a status (rule on <see cref="MonitoringStatus"/>). The drift reference is
/// prepared once; an instance is immutable and can check many windows.
/// </summary>
public sealed class WindowMonitor
{
    private readonly string _model;
    private readonly string _version;
    private readonly ReferenceProfile _profile;
    private readonly MonitoringOptions _options;
    private readonly TimeProvider _time;
    private readonly DriftCheck _drift;
    private readonly PerformanceEstimator? _estimator;
    private readonly string? _noEstimator;
    private readonly Multivariate.MultivariateCheck? _multivariate;

    /// <param name="estimator">The version's performance estimator; null for none.</param>
    /// <param name="noEstimator">Why there is none, reported on windows instead of an estimate; null to say nothing.</param>
    /// <param name="multivariate">A multivariate check of the same profile and multivariate options to reuse, so its
    /// reference (encoding, PCA, thresholds) is prepared once per version rather than per monitor; null makes one.</param>
    public WindowMonitor(string model, string version, ReferenceProfile profile, MonitoringOptions? options = null, TimeProvider? timeProvider = null,
        PerformanceEstimator? estimator = null, string? noEstimator = null, Multivariate.MultivariateCheck? multivariate = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentNullException.ThrowIfNull(profile);
        _model = model;
        _version = version;
        _profile = profile;
        _options = options ?? new MonitoringOptions();
        _time = timeProvider ?? TimeProvider.System;
        _drift = new DriftCheck(profile, _options.Drift);
        _estimator = estimator;
        _noEstimator = noEstimator;
        _multivariate = _options.Multivariate.Enabled ? multivariate ?? new Multivariate.MultivariateCheck(profile, _options.Multivariate) : null;
    }

    public MonitoringResult Check(MonitoringWindow window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(window);
        var rows = WithLabels(window);
        var drift = _drift.Run(rows, window.Scores ?? window.Outcomes?.Scores(), cancellationToken);
        var quality = QualityCheck.Run(_profile, window.Rows, _options.Quality);
        var performance = window.Outcomes is not null && _profile.Baseline is not null
            ? PerformanceCheck.Run(_profile.Baseline, window.Outcomes, _options.Performance)
            : null;
        var estimated = WindowEstimation.Run(_estimator, _noEstimator, window, _options);
        var (status, reasons) = Judge(drift, quality, performance, estimated);
        var multivariate = _multivariate?.Run(KindRules.WithoutInfinities(window.Rows), cancellationToken);
        (status, reasons) = Multivariate.MultivariateVerdict.Apply(status, reasons, multivariate);
        return new MonitoringResult
        {
            Model = _model,
            Version = _version,
            Window = new WindowInfo(window.Start, window.End, window.Rows.RowCount),
            RanAt = _time.GetUtcNow(),
            Drift = drift,
            Quality = quality,
            Performance = performance,
            EstimatedPerformance = estimated,
            Multivariate = multivariate,
            Status = status,
            Reasons = reasons,
        };
    }

    /// <summary>The status rule: alarm causes first, then warning causes.</summary>
    internal static (MonitoringStatus Status, IReadOnlyList<string> Reasons) Judge(
        DriftCheckResult drift, QualityReport quality, PerformanceWindow? performance, EstimatedPerformance? estimated = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var alarms = new List<string>();
        var warnings = new List<string>();
        if (drift.DatasetDrift)
        {
            alarms.Add($"dataset drift: {drift.DatasetDriftReason}");
        }
        else if (drift.AnyFeatureDrifted)
        {
            warnings.Add(string.Format(inv, "{0} drifted feature(s): {1}", drift.DriftedColumns.Count, string.Join(", ", drift.DriftedColumns.Take(10))));
        }

        if (performance?.Degraded == true)
        {
            // One cause naming every degraded watched metric, so the status line says which ones fell.
            var degraded = performance.DegradedWatched().Select(m => string.Format(inv, "{0} {1:G4} vs baseline {2:G4} (change CI [{3:G3}, {4:G3}], allowed {5:G3})",
                m.Name, m.Value, m.Baseline, m.ChangeLower, m.ChangeUpper, m.AllowedDrop));
            alarms.Add("performance degraded: " + string.Join("; ", degraded));
        }

        if (WindowEstimation.Decides(estimated, performance))
        {
            alarms.Add(WindowEstimation.Alarm(estimated!));
        }

        foreach (var f in quality.Findings.Where(f => f.Severity == QualitySeverity.Error))
        {
            alarms.Add($"quality: {f.Column ?? "window"} {f.Kind}: {f.Detail}");
        }

        if (drift.LabelDrift?.Drifted == true)
        {
            warnings.Add($"label drift: {drift.LabelDrift.Reason}");
        }

        if (drift.PredictionDrift?.Drifted == true)
        {
            warnings.Add($"prediction drift: {drift.PredictionDrift.Reason}");
        }

        foreach (var f in quality.Findings.Where(f => f.Severity == QualitySeverity.Warning))
        {
            warnings.Add($"quality: {f.Column ?? "window"} {f.Kind}: {f.Detail}");
        }

        var status = alarms.Count > 0 ? MonitoringStatus.Alarm : warnings.Count > 0 ? MonitoringStatus.Warning : MonitoringStatus.Healthy;
        return (status, [.. alarms, .. warnings]);
    }

    // Labels that arrived as outcomes are added as the label column so label drift can be measured.
    private Table WithLabels(MonitoringWindow window)
    {
        var label = _profile.Label;
        var outcomes = window.Outcomes;
        if (label is null || outcomes is null || window.Rows.Contains(label) || outcomes.Rows != window.Rows.RowCount || window.Rows.Columns.Count == 0)
        {
            return window.Rows;
        }

        var values = outcomes.Task == AutoMLTask.Regression
            ? outcomes.TrueValues!.ToArray()
            : outcomes.TrueClasses!.Select(c => (double)c).ToArray();
        return window.Rows.WithColumn(new NumericColumn(label, values));
    }
}
