namespace Vigil.AutoML.Metrics;

/// <summary>
/// Every metric that applies to a task on some labelled rows: the defined ones with their value, the others with
/// why they are undefined there (e.g. ROC AUC when the labels hold one class, R² on one row).
/// </summary>
/// <param name="Values">Defined metrics by snake_case name.</param>
/// <param name="Undefined">Undefined metrics by snake_case name, each with its reason (one sentence).</param>
public sealed record Evaluation(IReadOnlyDictionary<string, double> Values, IReadOnlyDictionary<string, string> Undefined)
{
    /// <summary>Every metric name of the task, defined or not, in the task's order.</summary>
    public required IReadOnlyList<string> Names { get; init; }
}
