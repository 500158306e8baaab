namespace Vigil.Cluster.Models;

/// <summary>
/// The scheduled checks of a model fail: recorded by the first failing attempt, updated by each retry, cleared by
/// the next check that succeeds. The grain does not try again before <see cref="NextAttemptAt"/> (exponential backoff).
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record CheckFailure(
    [property: Id(0)] DateTimeOffset Since,
    [property: Id(1)] DateTimeOffset LastAttemptAt,
    [property: Id(2)] int Attempts,
    [property: Id(3)] string Error,
    [property: Id(4)] DateTimeOffset NextAttemptAt);
