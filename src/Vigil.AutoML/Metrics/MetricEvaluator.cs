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

    /// <summary>
    /// Every metric that applies to the task, keyed by snake_case name (for reports and bundles). Throws
    /// <see cref="ArgumentException"/> when one is undefined on these rows; <see cref="Evaluate"/> reports it instead.
    /// </summary>
    public static ImmutableSortedDictionary<string, double> All(Predictions p, int[]? classes, double[]? targets)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Task == AutoMLTask.Regression)
        {
            ArgumentNullException.ThrowIfNull(targets);
        }
        else
        {
            ArgumentNullException.ThrowIfNull(classes);
        }

        var b = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var name in NamesFor(p.Task))
        {
            b[name] = ValueByName(name, p, classes, targets);
        }

        return b.ToImmutable();
    }

    /// <summary>
    /// Like <see cref="All"/>, but a metric that is undefined on these rows is reported with its reason instead of
    /// throwing: ROC AUC needs both classes, R² two rows, precision / recall / F1 a positive row where they divide by
    /// it, and nothing is defined on no rows.
    /// </summary>
    public static Evaluation Evaluate(Predictions p, int[]? classes, double[]? targets)
    {
        ArgumentNullException.ThrowIfNull(p);
        var names = NamesFor(p.Task);
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var undefined = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var rows = p.Task == AutoMLTask.Regression ? targets?.Length ?? 0 : classes?.Length ?? 0;
        var oneClass = classes is { Length: > 0 } && classes.Distinct().Take(2).Count() == 1;
        var binary = p.Task == AutoMLTask.Binary && rows > 0;
        var positives = binary && classes!.Contains(1);
        var predictedPositives = binary && p.PredictedClasses().Contains(1);
        foreach (var name in names)
        {
            // 0/0 cases are undefined, not 0 (scikit-learn returns 0 with a warning; a report should say why).
            var why = rows == 0 ? "there are no labelled rows"
                : oneClass && name is "roc_auc" ? "the labels hold one class only; ROC AUC needs both classes"
                : rows < 2 && name is "r2" ? "R² needs at least two rows"
                : binary && !positives && name is "recall" ? "the labels hold no positive row (recall is 0/0)"
                : binary && !predictedPositives && name is "precision" ? "the model predicted no positive row (precision is 0/0)"
                : binary && !positives && !predictedPositives && name is "f1" ? "neither the labels nor the predictions hold a positive row (F1 is 0/0)"
                : null;
            if (why is not null)
            {
                undefined[name] = why;
                continue;
            }

            try
            {
                values[name] = ValueByName(name, p, classes, targets);
            }
            catch (ArgumentException e)
            {
                undefined[name] = e.Message;
            }
        }

        return new Evaluation(values, undefined) { Names = names };
    }

    private static string[] NamesFor(AutoMLTask task) => task switch
    {
        AutoMLTask.Regression => ["r2", "rmse", "mae"],
        AutoMLTask.Binary => ["roc_auc", "accuracy", "log_loss", "precision", "recall", "f1"],
        _ => ["accuracy", "log_loss", "f1"],
    };

    private static double ValueByName(string name, Predictions p, int[]? classes, double[]? targets) => name switch
    {
        "precision" => BinaryMetrics.Precision(classes!, p.PredictedClasses()),
        "recall" => BinaryMetrics.Recall(classes!, p.PredictedClasses()),
        "r2" => Value(Metric.R2, p, classes, targets),
        "rmse" => Value(Metric.Rmse, p, classes, targets),
        "mae" => Value(Metric.Mae, p, classes, targets),
        "roc_auc" => Value(Metric.RocAuc, p, classes, targets),
        "accuracy" => Value(Metric.Accuracy, p, classes, targets),
        "log_loss" => Value(Metric.LogLoss, p, classes, targets),
        "f1" => Value(Metric.F1, p, classes, targets),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown metric."),
    };

    /// <summary>snake_case name of a metric.</summary>
    public static string Name(Metric metric) => metric == Metric.Default ? "default" : metric.Info().Name;
}
