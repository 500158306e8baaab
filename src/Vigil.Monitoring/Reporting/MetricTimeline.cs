using Vigil.AutoML;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// Metric series from the checks' stored <see cref="MetricChange"/>s. Nothing is re-measured: values, intervals and
/// degradation flags are the performance check's own; the interval of the change is moved to the metric's scale by
/// adding the baseline that check compared against.
/// </summary>
internal static class MetricTimeline
{
    /// <summary>
    /// The headline metric. Classification reports centre on accuracy (the seed tutorial's metric) when the checks or
    /// the baseline have it; otherwise, and for regression, the metric the performance check was configured with.
    /// </summary>
    public static string PrimaryMetric(AutoMLTask task, IReadOnlyList<ParsedCheck> checks, Func<string, double?> championMetric)
    {
        const string Accuracy = "accuracy";
        var withPerformance = checks.Select(c => c.Result.Performance).OfType<PerformanceWindow>().ToArray();
        if (task != AutoMLTask.Regression
            && (withPerformance.Any(p => p.Metrics.Any(m => m.Name == Accuracy && m.Value is not null))
                || championMetric(Accuracy) is not null))
        {
            return Accuracy;
        }

        return withPerformance.Length > 0 ? withPerformance[^1].PrimaryMetric : TaskMetrics.DefaultPrimary(task);
    }

    /// <summary>One series per metric with at least one value: primary first, then the watched ones, then in the checks' report order.</summary>
    public static IReadOnlyList<MetricSeries> Build(IReadOnlyList<ParsedCheck> checks, string primary, Func<string, double?> championMetric, IReadOnlyList<string> watched)
    {
        var names = new List<string> { primary };
        foreach (var change in watched.Where(w => !names.Contains(w, StringComparer.Ordinal)))
        {
            names.Add(change);
        }

        foreach (var change in checks.SelectMany(c => c.Result.Performance?.Metrics ?? []))
        {
            if (!names.Contains(change.Name, StringComparer.Ordinal))
            {
                names.Add(change.Name);
            }
        }

        return names.Select(n => Series(checks, n, championMetric, watched.Contains(n, StringComparer.Ordinal))).OfType<MetricSeries>().ToArray();
    }

    private static MetricSeries? Series(IReadOnlyList<ParsedCheck> checks, string metric, Func<string, double?> championMetric, bool watched)
    {
        var points = new List<MetricPoint>();
        MetricChange? latest = null;
        foreach (var check in checks)
        {
            var performance = check.Result.Performance;
            var change = performance?.Metrics.FirstOrDefault(m => m.Name == metric);
            if (performance is null || change?.Value is not { } value || !double.IsFinite(value))
            {
                continue;
            }

            latest = change;
            points.Add(new MetricPoint
            {
                At = check.At,
                Value = value,
                CiLow = change.Baseline + change.ChangeLower,
                CiHigh = change.Baseline + change.ChangeUpper,
                Rows = performance.Rows,
                Degraded = change.Degraded,
                CheckId = check.Id,
                Version = TimelineEvents.Label(check.Record.ModelVersion),
                Baseline = change.Baseline,
            });
        }

        if (latest is null)
        {
            return null;
        }

        // The champion's holdout is the line users compare against; the latest check's baseline covers a champion without it.
        var baseline = championMetric(metric) ?? latest.Baseline;
        return new MetricSeries
        {
            Metric = metric,
            HigherIsBetter = latest.HigherIsBetter,
            Baseline = baseline,
            LowerThreshold = Threshold(checks, metric),
            Points = points,
            Watched = watched,
            BaselineSteps = Steps(points),
        };
    }

    // One step per run of consecutive evaluations against one version with a baseline: the line steps at promotions.
    private static IReadOnlyList<BaselineStep> Steps(IReadOnlyList<MetricPoint> points)
    {
        var steps = new List<BaselineStep>();
        foreach (var p in points)
        {
            if (p.Baseline is not { } value || p.Version is null)
            {
                continue;
            }

            if (steps.Count == 0 || steps[^1].Version != p.Version || steps[^1].Value != value)
            {
                steps.Add(new BaselineStep { From = p.At, Version = p.Version, Value = value });
            }
        }

        return steps;
    }

    // The line the latest judging check actually used: its own baseline ∓ its allowed drop.
    private static double? Threshold(IReadOnlyList<ParsedCheck> checks, string metric)
    {
        for (var i = checks.Count - 1; i >= 0; i--)
        {
            var change = checks[i].Result.Performance?.Metrics.FirstOrDefault(m => m.Name == metric);
            if (change is { Baseline: { } b, AllowedDrop: { } drop })
            {
                return change.HigherIsBetter ? b - drop : b + drop;
            }
        }

        return null;
    }
}
