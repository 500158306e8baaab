namespace Vigil.Monitoring.Policy;

/// <summary>Whether to retrain now, with every trigger's evaluation so the "why" and "why not" are on record.</summary>
public sealed record RetrainDecision
{
    /// <summary>True when at least one reason fired and no gate blocks.</summary>
    public bool Retrain { get; init; }

    /// <summary>The decision in one sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>Every trigger, reasons first, then gates.</summary>
    public required IReadOnlyList<TriggerEvaluation> Triggers { get; init; }

    /// <summary>The context's decision time.</summary>
    public DateTimeOffset DecidedAt { get; init; }
}
