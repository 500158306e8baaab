namespace Vigil.Cluster.Models;

/// <summary>
/// The answer to a <see cref="RetrainAsk"/>: the run that started, or the HTTP status and detail of why none did
/// (409 one runs already, 422 too few labelled rows, …), so the node that took the request answers as one process would.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record RetrainStart(
    [property: Id(0)] long? Run,
    [property: Id(1)] int Status,
    [property: Id(2)] string? Title,
    [property: Id(3)] string? Detail);
