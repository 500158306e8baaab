namespace Vigil.Monitoring.Registry;

/// <summary>What the caller knows about a trained model when it registers it.</summary>
/// <param name="Learner">The learner that produced the model (e.g. "LightGbm").</param>
/// <param name="ConfigJson">The learner's hyperparameters as JSON text; stored verbatim.</param>
/// <param name="Metrics">Baseline metrics on the holdout, by metric name (e.g. "auc" → 0.91).</param>
/// <param name="TrainingFingerprint">Identity of the training data, e.g. <see cref="DataFingerprint.Compute"/>.</param>
/// <param name="TrainingWindowStart">First instant of the training data (inclusive), if the data was time-based.</param>
/// <param name="TrainingWindowEnd">End of the training data (exclusive), if the data was time-based.</param>
/// <param name="TrainingRows">Number of training rows (≥ 0).</param>
/// <param name="ParentVersion">The version this one was retrained from, if any; must exist for the same model.</param>
/// <param name="CreatedBy">Who created it, e.g. "vigil train" or "retrain".</param>
/// <param name="Reason">Why it was created, in words.</param>
/// <param name="ProfileJson">
/// The reference profile as JSON, or null. It is written as <c>profile.json</c> in the version folder (replacing
/// a <c>profile.json</c> the bundle may already hold), not in the database: the bundle folder stays self-contained
/// and listing versions does not load profiles.
/// </param>
/// <param name="BecomeChampion">True: promote on registration; false: never; null: only when it is the model's first version.</param>
public sealed record ModelVersionInfo(
    string Learner,
    string ConfigJson,
    IReadOnlyDictionary<string, double> Metrics,
    string TrainingFingerprint,
    DateTimeOffset? TrainingWindowStart,
    DateTimeOffset? TrainingWindowEnd,
    int TrainingRows,
    int? ParentVersion,
    string CreatedBy,
    string Reason,
    string? ProfileJson = null,
    bool? BecomeChampion = null)
{
    /// <summary>The version's kind (a Vigil bundle unless said otherwise).</summary>
    public Models.ModelKind Kind { get; init; } = Models.ModelKind.Vigil;
}
