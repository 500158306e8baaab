namespace Vigil.AutoML.Metrics;

/// <summary>
/// One metric of the shared vocabulary: its snake_case name (the key in bundles, baselines, check results and
/// reports), how people read it, its direction, and the tasks it applies to.
/// </summary>
/// <param name="Name">snake_case key, e.g. <c>roc_auc</c>.</param>
/// <param name="Display">Name in tables and charts, e.g. <c>ROC AUC</c>.</param>
/// <param name="HigherIsBetter">True for scores (accuracy, AUC, R²), false for losses and errors (log loss, RMSE).</param>
/// <param name="Tasks">The tasks on which the metric is defined.</param>
/// <param name="Search">The AutoML search metric with the same meaning, when the search can optimise it.</param>
public sealed record MetricInfo(string Name, string Display, bool HigherIsBetter, IReadOnlyList<AutoMLTask> Tasks, Metric? Search = null)
{
    /// <summary>True when the metric is defined for <paramref name="task"/>.</summary>
    public bool AppliesTo(AutoMLTask task) => Tasks.Contains(task);

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
