using Vigil.AutoML;
using Vigil.AutoML.Metrics;
using Vigil.Statistics.Metrics;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// The metrics Vigil tracks per task, computed on any multiset of rows of a <see cref="PredictionSet"/>:
/// binary — accuracy, roc_auc, precision, recall, f1 (class 1 positive), log_loss; multiclass — accuracy, macro_f1,
/// log_loss; regression — rmse, mae, r2. A metric that is undefined on the rows (single-class AUC, no probabilities)
/// is NaN.
/// </summary>
public static class TaskMetrics
{
    private static readonly string[] BinaryNames = Keys(AutoMLTask.Binary);
    private static readonly string[] MulticlassNames = Keys(AutoMLTask.Multiclass);
    private static readonly string[] RegressionNames = Keys(AutoMLTask.Regression);

    /// <summary>The metric names tracked for <paramref name="task"/>, in report order (<see cref="MetricCatalog.Tracked"/>).</summary>
    public static IReadOnlyList<string> Names(AutoMLTask task) => task switch
    {
        AutoMLTask.Binary => BinaryNames,
        AutoMLTask.Multiclass => MulticlassNames,
        AutoMLTask.Regression => RegressionNames,
        _ => throw new ArgumentException($"Task {task} has no metrics; use Binary, Multiclass or Regression.", nameof(task)),
    };

    /// <summary>The metric that decides degradation by default (<see cref="MetricCatalog.MonitoringDefault"/>).</summary>
    public static string DefaultPrimary(AutoMLTask task) => MetricCatalog.MonitoringDefault(task).Name;

    /// <summary>False for losses and errors (log_loss, rmse, mae), true for scores; unknown names are an <see cref="ArgumentException"/>.</summary>
    public static bool HigherIsBetter(string metric) => MetricCatalog.Get(metric).HigherIsBetter;

    /// <summary>True when some task tracks <paramref name="metric"/>.</summary>
    public static bool IsTracked(string metric) =>
        BinaryNames.Contains(metric, StringComparer.Ordinal) || MulticlassNames.Contains(metric, StringComparer.Ordinal) || RegressionNames.Contains(metric, StringComparer.Ordinal);

    /// <summary>Every tracked metric name of any task, without repeats.</summary>
    public static IEnumerable<string> AllTracked() => BinaryNames.Concat(MulticlassNames).Concat(RegressionNames).Distinct(StringComparer.Ordinal);

    private static string[] Keys(AutoMLTask task) => MetricCatalog.Tracked(task).Select(m => m.Name).ToArray();

    /// <summary>Every tracked metric on all rows; undefined metrics are left out.</summary>
    public static IReadOnlyDictionary<string, double> ComputeAll(PredictionSet predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var all = AllRows(predictions.Rows);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in Names(predictions.Task))
        {
            var v = Compute(predictions, name, all);
            if (double.IsFinite(v))
            {
                result[name] = v;
            }
        }

        return result;
    }

    /// <summary>One metric on the given rows (indices may repeat); NaN when undefined there.</summary>
    public static double Compute(PredictionSet p, string metric, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (rows.Length == 0)
        {
            return double.NaN;
        }

        try
        {
            return p.Task == AutoMLTask.Regression ? Regression(p, metric, rows) : Classification(p, metric, rows);
        }
        catch (ArgumentException)
        {
            // Undefined on these rows (e.g. one class only for AUC): the bootstrap skips NaN resamples.
            return double.NaN;
        }
    }

    /// <summary>
    /// Why <paramref name="metric"/> has no meaning on the whole window although it has a value: precision with
    /// nothing predicted positive, recall with no positive label (scikit-learn's zero_division gives 0, which would
    /// read as a collapse). Null when it is meaningful.
    /// </summary>
    internal static string? UndefinedBecause(PredictionSet p, string metric)
    {
        if (p.Task != AutoMLTask.Binary || metric is not ("precision" or "recall"))
        {
            return null;
        }

        var classes = metric == "precision" ? p.PredictedClasses! : p.TrueClasses!;
        for (var i = 0; i < p.Rows; i++)
        {
            if (classes[i] == 1)
            {
                return null;
            }
        }

        return metric == "precision" ? "undefined: nothing is predicted positive in the window" : "undefined: the window has no positive label";
    }

    /// <summary>As <see cref="Compute"/>, but NaN (a skipped bootstrap resample) where <see cref="UndefinedBecause"/> applies.</summary>
    internal static double ComputeDefined(PredictionSet p, string metric, ReadOnlySpan<int> rows)
    {
        if (p.Task == AutoMLTask.Binary && metric is "precision" or "recall")
        {
            var classes = AsArray(metric == "precision" ? p.PredictedClasses! : p.TrueClasses!);
            var any = false;
            foreach (var r in rows)
            {
                if (classes[r] == 1)
                {
                    any = true;
                    break;
                }
            }

            if (!any)
            {
                return double.NaN;
            }
        }

        return Compute(p, metric, rows);
    }

    private static T[] AsArray<T>(IReadOnlyList<T> list) => list as T[] ?? [.. list];

    internal static int[] AllRows(int n)
    {
        var rows = new int[n];
        for (var i = 0; i < n; i++)
        {
            rows[i] = i;
        }

        return rows;
    }

    private static double Regression(PredictionSet p, string metric, ReadOnlySpan<int> rows)
    {
        // The arrays behind the lists (the factories take arrays): indexing them directly keeps each bootstrap resample cheap.
        var trueValues = AsArray(p.TrueValues!);
        var predictedValues = AsArray(p.PredictedValues!);
        var y = new double[rows.Length];
        var f = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            y[i] = trueValues[rows[i]];
            f[i] = predictedValues[rows[i]];
        }

        return metric switch
        {
            "rmse" => RegressionMetrics.Rmse(y, f),
            "mae" => RegressionMetrics.Mae(y, f),
            "r2" => RegressionMetrics.R2(y, f),
            _ => throw new ArgumentException($"Unknown regression metric '{metric}'.", nameof(metric)),
        };
    }

    private static double Classification(PredictionSet p, string metric, ReadOnlySpan<int> rows)
    {
        var trueClasses = AsArray(p.TrueClasses!);
        var predictedClasses = AsArray(p.PredictedClasses!);
        var y = new int[rows.Length];
        var f = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            y[i] = trueClasses[rows[i]];
            f[i] = predictedClasses[rows[i]];
        }

        switch (metric)
        {
            case "accuracy":
                return BinaryMetrics.Accuracy(y, f);
            case "precision" when p.Task == AutoMLTask.Binary:
                return BinaryMetrics.Precision(y, f);
            case "recall" when p.Task == AutoMLTask.Binary:
                return BinaryMetrics.Recall(y, f);
            case "f1" when p.Task == AutoMLTask.Binary:
                return BinaryMetrics.F1(y, f);
            case "macro_f1":
                return MulticlassMetrics.MacroF1(y, f, p.ClassCount);
            case "roc_auc" or "log_loss":
                return p.Probabilities is null ? double.NaN : Probabilistic(p, metric, y, rows);
            default:
                throw new ArgumentException($"Unknown {p.Task} metric '{metric}'.", nameof(metric));
        }
    }

    private static double Probabilistic(PredictionSet p, string metric, int[] y, ReadOnlySpan<int> rows)
    {
        var k = p.Task == AutoMLTask.Binary ? 1 : p.ClassCount;
        var probabilities = AsArray(p.Probabilities!);
        var probs = new double[rows.Length * k];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var c = 0; c < k; c++)
            {
                probs[(i * k) + c] = probabilities[(rows[i] * k) + c];
            }
        }

        if (p.Task == AutoMLTask.Binary)
        {
            return metric == "roc_auc" ? BinaryMetrics.RocAuc(y, probs) : BinaryMetrics.LogLoss(y, probs);
        }

        return metric == "log_loss" ? MulticlassMetrics.LogLoss(y, probs, p.ClassCount) : double.NaN;
    }
}
