using Vigil.AutoML;
using Vigil.Monitoring.Profiles;
using Vigil.Statistics.Resampling;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// The task's metrics on a window's labelled rows, their change vs the <see cref="Baseline"/>, and a seeded bootstrap
/// interval of each change; degradation as described on <see cref="PerformanceOptions"/>.
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

        var notes = new List<string>();
        if (window.Rows == 0)
        {
            notes.Add("the window has no labelled rows");
        }
        else if (window.Task != AutoMLTask.Regression && window.TrueClasses!.Distinct().Count() == 1)
        {
            notes.Add("only one class is present in the window's labels: roc_auc is undefined");
        }

        var metrics = names.Select(n => Measure(baseline, window, n, options)).ToArray();
        var deciding = metrics.FirstOrDefault(m => m.Name == primary && m.Value is not null);
        if (deciding is null && window.Rows > 0)
        {
            deciding = metrics.FirstOrDefault(m => m.Name == "accuracy" && m.Value is not null);
            notes.Add(deciding is null
                ? $"the primary metric {primary} is undefined on this window; no metric decided"
                : $"the primary metric {primary} is undefined on this window; accuracy decided instead");
        }

        return new PerformanceWindow
        {
            Task = window.Task,
            Rows = window.Rows,
            PrimaryMetric = primary,
            DecidingMetric = deciding?.Name,
            Metrics = metrics,
            Degraded = deciding?.Degraded ?? false,
            Level = options.Level,
            Resamples = options.Resamples,
            Notes = notes,
        };
    }

    private static MetricChange Measure(Baseline baseline, PredictionSet window, string name, PerformanceOptions options)
    {
        var higherIsBetter = TaskMetrics.HigherIsBetter(name);
        double? reference = baseline.Metrics.TryGetValue(name, out var b) ? b : null;
        var change = new MetricChange { Name = name, HigherIsBetter = higherIsBetter, Baseline = reference };
        if (window.Rows == 0)
        {
            return change with { Note = "no labelled rows" };
        }

        var value = TaskMetrics.Compute(window, name, TaskMetrics.AllRows(window.Rows));
        if (!double.IsFinite(value))
        {
            return change with { Note = name == "roc_auc" ? "undefined: the window holds a single class" : "undefined on this window (no probabilities?)" };
        }

        change = change with { Value = value };
        if (reference is not { } baseValue)
        {
            return change with { Note = "the baseline has no value for this metric" };
        }

        var interval = Bootstrap.ConfidenceInterval(window.Rows, rows => TaskMetrics.Compute(window, name, rows),
            options.Resamples, options.Level, options.Seed);
        var allowed = Math.Max(options.MaxRelativeDrop * Math.Abs(baseValue), options.MinAbsoluteDrop);
        change = change with
        {
            AbsoluteChange = value - baseValue,
            RelativeChange = baseValue == 0 ? null : (value - baseValue) / Math.Abs(baseValue),
            AllowedDrop = allowed,
        };
        if (interval.Resamples == 0)
        {
            return change with { Note = "no bootstrap resample gave a defined value" };
        }

        var lower = interval.Lower - baseValue;
        var upper = interval.Upper - baseValue;
        return change with
        {
            ChangeLower = lower,
            ChangeUpper = upper,
            Degraded = higherIsBetter ? upper < -allowed : lower > allowed,
        };
    }
}
