using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Metrics;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// The metrics of a model whose confident degradation raises the alarm, each with its allowed drop. Defaults per task:
/// accuracy, ROC AUC, precision and recall (binary, the seed tutorial's four); log loss and accuracy (multiclass);
/// RMSE, MAE and R² (regression). Written as a list <c>name[:drop]</c>, e.g. <c>accuracy:0.05,recall:10%</c>; a
/// name without a drop takes the check's default (5 %).
/// </summary>
public sealed record WatchedMetrics
{
    public WatchedMetrics(IEnumerable<WatchedMetric> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var list = new List<WatchedMetric>();
        foreach (var m in metrics)
        {
            ArgumentNullException.ThrowIfNull(m);
            Check(m);
            if (list.Any(x => x.Name == m.Name))
            {
                throw new WatchedMetricsInputException($"Watched metric '{m.Name}' is given twice.");
            }

            list.Add(m);
        }

        if (list.Count == 0)
        {
            throw new WatchedMetricsInputException("Watch at least one metric.");
        }

        Metrics = list;
    }

    /// <summary>The watched metrics, in the order given.</summary>
    public IReadOnlyList<WatchedMetric> Metrics { get; }

    /// <summary>The task's default set (see the type's summary), with the default drop.</summary>
    public static WatchedMetrics Default(AutoMLTask task) => new((task switch
    {
        AutoMLTask.Binary => new[] { "accuracy", "roc_auc", "precision", "recall" },
        AutoMLTask.Multiclass => new[] { "log_loss", "accuracy" },
        AutoMLTask.Regression => new[] { "rmse", "mae", "r2" },
        _ => throw new ArgumentException($"Task {task} has no metrics; use Binary, Multiclass or Regression.", nameof(task)),
    }).Select(n => new WatchedMetric(n)));

    /// <summary>
    /// Reads <c>name[:drop][,name[:drop]…]</c>; a drop is a fraction (0.05) or a percentage (5%). Names are matched
    /// exactly against the known metrics. Throws <see cref="WatchedMetricsInputException"/> naming the bad entry.
    /// </summary>
    public static WatchedMetrics Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec))
        {
            throw new WatchedMetricsInputException("The watched-metrics list is empty; give e.g. 'accuracy:0.05,recall:0.10'.");
        }

        var entries = spec.Split(',', StringSplitOptions.TrimEntries);
        var metrics = new List<WatchedMetric>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Length == 0)
            {
                throw new WatchedMetricsInputException($"Watched-metrics entry {i + 1} of '{spec}' is empty.");
            }

            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? entry : entry[..colon]).Trim();
            double? drop = colon < 0 ? null : ParseDrop(entry[(colon + 1)..].Trim(), name);
            metrics.Add(new WatchedMetric(name, drop));
        }

        return new WatchedMetrics(metrics);
    }

    /// <summary>The same list restricted to <paramref name="task"/>'s tracked metrics; null when none is left.</summary>
    public WatchedMetrics? OfTask(AutoMLTask task)
    {
        var tracked = TaskMetrics.Names(task);
        var kept = Metrics.Where(m => tracked.Contains(m.Name, StringComparer.Ordinal)).ToArray();
        return kept.Length == 0 ? null : new WatchedMetrics(kept);
    }

    /// <summary>Throws <see cref="WatchedMetricsInputException"/> when a metric is not tracked for <paramref name="task"/>.</summary>
    public WatchedMetrics RequireTask(AutoMLTask task)
    {
        var tracked = TaskMetrics.Names(task);
        foreach (var m in Metrics)
        {
            if (!tracked.Contains(m.Name, StringComparer.Ordinal))
            {
                throw new WatchedMetricsInputException(
                    $"'{m.Name}' is not a metric Vigil tracks for {task.ToString().ToLowerInvariant()} models; use {string.Join(", ", tracked)}.");
            }
        }

        return this;
    }

    /// <summary>This list with <paramref name="metric"/> added at the end (default drop) unless already present.</summary>
    public WatchedMetrics With(string metric) =>
        Metrics.Any(m => m.Name == metric) ? this : new WatchedMetrics([.. Metrics, new WatchedMetric(metric)]);

    /// <summary>The list as <see cref="Parse"/> reads it, e.g. <c>accuracy:0.05,recall</c>.</summary>
    public override string ToString() => string.Join(",", Metrics.Select(m =>
        m.MaxRelativeDrop is { } d ? string.Create(CultureInfo.InvariantCulture, $"{m.Name}:{d:0.####}") : m.Name));

    public bool Equals(WatchedMetrics? other) => other is not null && Metrics.SequenceEqual(other.Metrics);

    public override int GetHashCode() => Metrics.Aggregate(0, (h, m) => HashCode.Combine(h, m));

    private static void Check(WatchedMetric m)
    {
        if (string.IsNullOrWhiteSpace(m.Name))
        {
            throw new WatchedMetricsInputException("A watched metric has no name.");
        }

        if (MetricCatalog.Find(m.Name) is null || !TaskMetrics.IsTracked(m.Name))
        {
            var known = string.Join(", ", TaskMetrics.AllTracked());
            throw new WatchedMetricsInputException($"'{m.Name}' is not a metric Vigil watches; known: {known}.");
        }

        if (m.MaxRelativeDrop is { } d && !(d >= 0 && d < 1))
        {
            throw new WatchedMetricsInputException(string.Create(CultureInfo.InvariantCulture,
                $"The allowed drop of '{m.Name}' must be a fraction in [0, 1) (0.05 = 5 %), not {d}."));
        }
    }

    private static double ParseDrop(string text, string name)
    {
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].Trim() : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new WatchedMetricsInputException($"The allowed drop of '{name}' is '{text}', not a number; write e.g. {name}:0.05 or {name}:5%.");
        }

        return percent ? value / 100 : value;
    }
}
