namespace Vigil.Cluster.Models;

/// <summary>What a scheduled check found, as the grain needs it: the stored check, its status and the retrain decision.</summary>
/// <param name="CheckId">The stored check's id.</param>
/// <param name="Status">healthy, warning or alarm.</param>
/// <param name="Retrain">The policy decided to retrain.</param>
/// <param name="Summary">The decision in one line.</param>
[GenerateSerializer]
[Immutable]
public sealed record ScheduledCheck(
    [property: Id(0)] long CheckId,
    [property: Id(1)] string Status,
    [property: Id(2)] bool Retrain,
    [property: Id(3)] string Summary);
