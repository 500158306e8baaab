namespace Vigil.Cluster.Models;

/// <summary>A retrain asked for through the API of any node, carried to the model's grain.</summary>
/// <param name="Budget">AutoML time budget, or null for the trial cap alone.</param>
/// <param name="MaxTrials">AutoML trial cap, or null.</param>
/// <param name="Rows">Most recent labelled rows to train on.</param>
/// <param name="Reason">Why, as recorded with the run.</param>
/// <param name="Actor">Who asked (the API key's name).</param>
[GenerateSerializer]
[Immutable]
public sealed record RetrainAsk(
    [property: Id(0)] TimeSpan? Budget,
    [property: Id(1)] int? MaxTrials,
    [property: Id(2)] int Rows,
    [property: Id(3)] string Reason,
    [property: Id(4)] string Actor);
