namespace Vigil.AutoML;

/// <summary>Reported after every trial.</summary>
public sealed record AutoMLProgress(
    Trial Trial,
    int TrialsCompleted,
    string? BestLearner,
    double BestLoss,
    TimeSpan Elapsed,
    TimeSpan? Remaining);
