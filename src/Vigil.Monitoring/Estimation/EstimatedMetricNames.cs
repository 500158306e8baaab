using Vigil.AutoML;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// The metrics performance estimation reports per task, in report order, and their direction. Names are the
/// monitoring vocabulary's where it has them (accuracy, roc_auc, precision, recall, f1, macro_f1, log_loss, mae,
/// rmse); specificity and the multiclass macro averages are estimation's own. Multiclass averages are one-vs-rest,
/// unweighted over the classes.
/// </summary>
public static class EstimatedMetricNames
{
    private static readonly string[] Binary = ["accuracy", "roc_auc", "precision", "recall", "f1", "specificity", "log_loss"];
    private static readonly string[] Multiclass = ["accuracy", "roc_auc", "macro_precision", "macro_recall", "macro_f1", "macro_specificity", "log_loss"];
    private static readonly string[] Regression = ["mae", "rmse"];

    /// <summary>The estimated metrics of <paramref name="task"/>, in report order.</summary>
    public static IReadOnlyList<string> For(AutoMLTask task) => task switch
    {
        AutoMLTask.Binary => Binary,
        AutoMLTask.Multiclass => Multiclass,
        AutoMLTask.Regression => Regression,
        _ => throw new ArgumentException($"Task {task} has no estimated metrics; use Binary, Multiclass or Regression.", nameof(task)),
    };

    /// <summary>False for losses and errors (log_loss, mae, rmse).</summary>
    public static bool HigherIsBetter(string name) => Checks.DegradationRule.HigherIsBetter(name);
}
