namespace Vigil.Server.Scheduling;

/// <summary>How one retrain runs: AutoML budget, trial cap, how many recent labelled rows, and why.</summary>
public sealed record RetrainSettings(TimeSpan? Budget, int? MaxTrials, int Rows, string Reason, string Actor);
