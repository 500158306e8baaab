namespace Vigil.Monitoring.Store;

/// <summary>One retrain run (table <c>retrain_runs</c>). Instants are UTC.</summary>
/// <param name="FinishedAt">When it left <see cref="RetrainStatus.Running"/>, or null while running.</param>
/// <param name="ChallengerVersion">The registered challenger, if training got that far.</param>
/// <param name="Promoted">Whether the challenger was promoted; null when no comparison happened.</param>
/// <param name="DetailJson">Free-form detail as JSON, or null.</param>
public sealed record RetrainRun(
    long Id,
    string Model,
    DateTimeOffset RequestedAt,
    string Reason,
    RetrainStatus Status,
    DateTimeOffset? FinishedAt,
    int? ChallengerVersion,
    bool? Promoted,
    string? DetailJson);
