namespace Vigil.Cluster.Models;

/// <summary>
/// What a model grain keeps across activations (in the cluster's grain storage, Redis): the log position the last
/// scheduled check covered, its time, the failure of the scheduled checks, and the retrain the grain started and on
/// which silo. Checks, decisions and retrain runs themselves are in the store; after a reactivation the grain counts
/// the rows after that position in the store and reconciles the retrain with the store and the membership.
/// </summary>
[GenerateSerializer]
public sealed class ModelCursor
{
    // Id 0 was the model's absolute row count at the last check (before #19's fix); a cursor saved with it reads as
    // position 0, so the first activation after the upgrade counts every stored row and checks once.

    /// <summary>
    /// The log position (<c>predictions.seq</c>) of the newest row counted when the last scheduled check was decided
    /// (0 before the first): the rows after it are the rows since that check.
    /// </summary>
    [Id(6)]
    public long CoveredThrough { get; set; }

    /// <summary>When the last scheduled check ran; null before the first.</summary>
    [Id(1)]
    public DateTimeOffset? LastCheckAt { get; set; }

    /// <summary>Set while the scheduled checks fail.</summary>
    [Id(2)]
    public CheckFailure? Failure { get; set; }

    /// <summary>The retrain run the grain started, until it finishes.</summary>
    [Id(3)]
    public long? RetrainRun { get; set; }

    /// <summary>The silo that runs <see cref="RetrainRun"/> (<c>SiloAddress.ToParsableString</c>), or starts one.</summary>
    [Id(4)]
    public string? RetrainSilo { get; set; }

    /// <summary>
    /// Set (and saved) just before the grain starts a retrain on <see cref="RetrainSilo"/>, cleared once the run's id
    /// is saved: if that silo dies in between, the run it may have recorded is found in the store by this time.
    /// </summary>
    [Id(5)]
    public DateTimeOffset? RetrainStartingAt { get; set; }
}
