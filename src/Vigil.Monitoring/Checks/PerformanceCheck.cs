using Vigil.AutoML;
using Vigil.Monitoring.Profiles;
using Vigil.Statistics.Resampling;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// The task's metrics on a window's labelled rows, their change vs the <see cref="Baseline"/>, and a confidence
/// interval of each change; the window is degraded when any watched metric is (rule: <see cref="DegradationRule"/>).
/// Intervals are analytic (DeLong, delta method) on windows of at least <see cref="PerformanceOptions.AnalyticMinRows"/>
/// labelled rows and a seeded percentile bootstrap below, where the normal approximation is weakest.
/// </summary>
public static class PerformanceCheck
{
    public static PerformanceWindow Run(Baseline baseline, PredictionSet window, PerformanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(window);
        options ??= new PerformanceOptions();
        options.Validate();
        if (window.Task != baseline.Task)
        {
            throw new ArgumentException($"The window's predictions are for {window.Task} but the baseline is {baseline.Task}.", nameof(window));
        }

        var names = TaskMetrics.Names(window.Task);
        var primary = options.PrimaryMetric ?? TaskMetrics.DefaultPrimary(window.Task);
        if (!names.Contains(primary, StringComparer.Ordinal))
        {
            throw new ArgumentException($"'{primary}' is not a {window.Task} metric; use one of {string.Join(", ", names)}.", nameof(options));
        }

        var rule = DegradationRule.For(window.Task, options);
        var notes = new List<string>();
        if (window.Rows == 0)
        {
            notes.Add("the window has no labelled rows");
        }
        else if (window.Task != AutoMLTask.Regression && window.TrueClasses!.Distinct().Count() == 1)
        {
            notes.Add("only one class is present in the window's labels: roc_auc is undefined");
        }

        var analytic = options.Intervals == IntervalChoice.Analytic
            || (options.Intervals == IntervalChoice.Auto && window.Rows >= options.AnalyticMinRows);
        var metrics = names.Select(n => Measure(baseline, window, n, options, rule, analytic)).ToArray();
        var watched = rule.Watched.Metrics.Select(m => m.Name).ToArray();
        var judged = watched.Select(n => metrics.First(m => m.Name == n)).Where(m => m.ChangeLower is not null).ToArray();
        var degraded = judged.Where(m => m.Degraded).Select(m => m.Name).ToArray();
        var decidedBy = degraded.Length > 0 ? degraded : judged.Select(m => m.Name).ToArray();
        var unjudged = watched.Where(n => judged.All(m => m.Name != n)).ToArray();
        if (window.Rows > 0 && unjudged.Length > 0)
        {
            notes.Add(judged.Length == 0
                ? $"no watched metric could be judged on this window ({string.Join(", ", unjudged)})"
                : $"watched but not judged on this window: {string.Join(", ", unjudged)}");
        }

        return new PerformanceWindow
        {
            Task = window.Task,
            Rows = window.Rows,
            PrimaryMetric = primary,
            DecidingMetric = degraded.Length > 0 ? degraded[0] : decidedBy.Contains(primary) ? primary : decidedBy.FirstOrDefault(),
            Watched = watched,
            DecidedBy = decidedBy,
            Metrics = metrics,
            Degraded = degraded.Length > 0,
            Level = options.Level,
            IntervalLevel = rule.IntervalLevel,
            Correction = DegradationRule.Correction,
            Resamples = window.Rows == 0 || analytic ? 0 : options.Resamples,
            Notes = notes,
        };
    }

    private static MetricChange Measure(Baseline baseline, PredictionSet window, string name, PerformanceOptions options, DegradationRule rule, bool analytic)
    {
        double? reference = baseline.Metrics.TryGetValue(name, out var b) ? b : null;
        var verdict = rule.Judge(name, reference, null, null);
        var change = new MetricChange
        {
            Name = name, HigherIsBetter = verdict.HigherIsBetter, Baseline = reference, Watched = verdict.Watched, MaxRelativeDrop = verdict.MaxRelativeDrop,
        };
        if (window.Rows == 0)
        {
            return change with { Note = "no labelled rows" };
        }

        var value = TaskMetrics.Compute(window, name, TaskMetrics.AllRows(window.Rows));
        if (!double.IsFinite(value))
        {
            return change with { Note = name == "roc_auc" ? "undefined: the window holds a single class" : "undefined on this window (no probabilities?)" };
        }

        if (TaskMetrics.UndefinedBecause(window, name) is { } why)
        {
            return change with { Note = why };
        }

        change = change with { Value = value };
        if (reference is not { } baseValue)
        {
            return change with { Note = "the baseline has no value for this metric" };
        }

        change = change with
        {
            AbsoluteChange = value - baseValue,
            RelativeChange = baseValue == 0 ? null : (value - baseValue) / Math.Abs(baseValue),
            AllowedDrop = verdict.AllowedDrop,
        };
        var interval = Interval(window, name, value, options, rule.IntervalLevel, analytic);
        if (interval is not { } found)
        {
            return change with { Note = "no bootstrap resample gave a defined value" };
        }

        var (lower, upper, method) = found;
        verdict = rule.Judge(name, baseValue, lower, upper);
        return change with
        {
            Lower = lower,
            Upper = upper,
            ChangeLower = lower - baseValue,
            ChangeUpper = upper - baseValue,
            Level = verdict.IntervalLevel,
            Method = method,
            Degraded = verdict.Degraded,
        };
    }

    private static (double Lower, double Upper, IntervalMethod Method)? Interval(
        PredictionSet window, string name, double value, PerformanceOptions options, double level, bool analytic)
    {
        if (analytic && AnalyticIntervals.Of(window, name, value, level) is { } normal)
        {
            return normal;
        }

        var interval = Bootstrap.ConfidenceInterval(window.Rows, rows => TaskMetrics.ComputeDefined(window, name, rows),
            options.Resamples, level, options.Seed);
        return interval.Resamples == 0 ? null : (interval.Lower, interval.Upper, IntervalMethod.Bootstrap);
    }
}
