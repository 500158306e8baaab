using System.Collections.Immutable;
using Vigil.AutoML.Training;
using Vigil.Statistics.Metrics;

namespace Vigil.AutoML.Metrics;

/// <summary>Metric values and losses (lower is better) computed with Vigil.Statistics.</summary>
public static class MetricEvaluator
{
    /// <summary>FLAML's default metric for a task (<see cref="MetricCatalog.SearchDefault"/>).</summary>
    public static Metric DefaultFor(AutoMLTask task) => MetricCatalog.SearchDefault(task);

    /// <summary>Resolves <see cref="Metric.Default"/> and checks the metric fits the task.</summary>
    public static Metric Resolve(Metric metric, AutoMLTask task)
    {
        var m = metric == Metric.Default ? DefaultFor(task) : metric;
        var ok = m != Metric.Default && m.Info().AppliesTo(task);
        return ok ? m : throw new AutoMLException(AutoMLErrorCode.MetricNotForTask, $"Metric {m} does not apply to {task} tasks.");
    }

    /// <summary>True when larger values of the metric are better (the loss is then 1 − value).</summary>
    public static bool HigherIsBetter(Metric metric) => metric.Info().HigherIsBetter;

    public static double Loss(Metric metric, Predictions p, int[]? classes, double[]? targets)
    {
        var v = Value(metric, p, classes, targets);
        return HigherIsBetter(metric) ? 1 - v : v;
    }

    public static double Value(Metric metric, Predictions p, int[]? classes, double[]? targets)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Task == AutoMLTask.Regression)
        {
            ArgumentNullException.ThrowIfNull(targets);
            return metric switch
            {
                Metric.R2 => RegressionMetrics.R2(targets, p.Values),
                Metric.Rmse => RegressionMetrics.Rmse(targets, p.Values),
                Metric.Mae => RegressionMetrics.Mae(targets, p.Values),
                Metric.Mape => RegressionMetrics.Mape(targets, p.Values),
                _ => throw new ArgumentOutOfRangeException(nameof(metric)),
            };
        }

        ArgumentNullException.ThrowIfNull(classes);
        if (p.Task == AutoMLTask.Binary)
        {
            return metric switch
            {
                Metric.RocAuc => BinaryMetrics.RocAuc(classes, p.Values),
                Metric.AveragePrecision => BinaryMetrics.AveragePrecision(classes, p.Values),
                Metric.LogLoss => BinaryMetrics.LogLoss(classes, p.Values),
                Metric.Accuracy => BinaryMetrics.Accuracy(classes, p.PredictedClasses()),
                Metric.F1 => BinaryMetrics.F1(classes, p.PredictedClasses()),
                _ => throw new ArgumentOutOfRangeException(nameof(metric)),
            };
        }

        return metric switch
        {
            Metric.LogLoss => MulticlassMetrics.LogLoss(classes, p.Values, p.ClassCount),
            Metric.Accuracy => MulticlassMetrics.Accuracy(classes, p.PredictedClasses()),
            Metric.F1 => MulticlassMetrics.MacroF1(classes, p.PredictedClasses(), p.ClassCount),
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        };
    }

    /// <summary>Every metric that applies to the task, keyed by snake_case name (for reports and bundles).</summary>
    public static ImmutableSortedDictionary<string, double> All(Predictions p, int[]? classes, double[]? targets)
    {
        ArgumentNullException.ThrowIfNull(p);
        var b = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (p.Task == AutoMLTask.Regression)
        {
            ArgumentNullException.ThrowIfNull(targets);
            b["r2"] = RegressionMetrics.R2(targets, p.Values);
            b["rmse"] = RegressionMetrics.Rmse(targets, p.Values);
            b["mae"] = RegressionMetrics.Mae(targets, p.Values);
            return b.ToImmutable();
        }

        ArgumentNullException.ThrowIfNull(classes);
        var predicted = p.PredictedClasses();
        if (p.Task == AutoMLTask.Binary)
        {
            b["roc_auc"] = BinaryMetrics.RocAuc(classes, p.Values);
            b["accuracy"] = BinaryMetrics.Accuracy(classes, predicted);
            b["log_loss"] = BinaryMetrics.LogLoss(classes, p.Values);
            b["precision"] = BinaryMetrics.Precision(classes, predicted);
            b["recall"] = BinaryMetrics.Recall(classes, predicted);
            b["f1"] = BinaryMetrics.F1(classes, predicted);
            return b.ToImmutable();
        }

        b["accuracy"] = MulticlassMetrics.Accuracy(classes, predicted);
        b["log_loss"] = MulticlassMetrics.LogLoss(classes, p.Values, p.ClassCount);
        b["f1"] = MulticlassMetrics.MacroF1(classes, predicted, p.ClassCount);
        return b.ToImmutable();
    }

    /// <summary>snake_case name of a metric.</summary>
    public static string Name(Metric metric) => metric == Metric.Default ? "default" : metric.Info().Name;
}
