namespace Vigil.Server.Scheduling;

/// <summary>How one retrain runs: AutoML budget, trial cap, how many recent labelled rows, and why.</summary>
/// <param name="NoPromotionBecause">When set, the challenger is compared but not promoted, and the record says why.</param>
public sealed record RetrainSettings(TimeSpan? Budget, int? MaxTrials, int Rows, string Reason, string Actor, string? NoPromotionBecause = null);
