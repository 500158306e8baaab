namespace Vigil.Cluster.Models;

/// <summary>A model grain's state at one moment.</summary>
/// <param name="Model">The model (the grain's key).</param>
/// <param name="Silo">The silo the grain is active on.</param>
/// <param name="CoveredThrough">The log position the last scheduled check covered (0 before the first).</param>
/// <param name="RowsPending">Rows since the last scheduled check: the store's last count plus the rows reported since.</param>
/// <param name="LastCheckAt">When the last scheduled check ran.</param>
/// <param name="CheckRunning">A scheduled check runs now.</param>
/// <param name="RetrainRun">The retrain the grain started and watches, if any.</param>
/// <param name="Failure">The failure of the scheduled checks, if they fail.</param>
/// <param name="ChecksRun">Scheduled checks this activation ran.</param>
[GenerateSerializer]
[Immutable]
public sealed record ModelGrainStatus(
    [property: Id(0)] string Model,
    [property: Id(1)] string Silo,
    [property: Id(2)] long CoveredThrough,
    [property: Id(3)] long RowsPending,
    [property: Id(4)] DateTimeOffset? LastCheckAt,
    [property: Id(5)] bool CheckRunning,
    [property: Id(6)] long? RetrainRun,
    [property: Id(7)] CheckFailure? Failure,
    [property: Id(8)] int ChecksRun);
