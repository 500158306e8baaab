namespace Vigil.AutoML;

/// <summary>One evaluated configuration.</summary>
/// <param name="Index">0-based order of the trial.</param>
/// <param name="Learner">Learner name.</param>
/// <param name="Config">Hyperparameter values.</param>
/// <param name="Loss">Validation loss (lower is better); +∞ when the trial failed or was cut off.</param>
/// <param name="Duration">Wall time of the trial.</param>
/// <param name="SampleSize">Training rows used per fit.</param>
/// <param name="StartedAt">Time since the fit started when the trial began.</param>
/// <param name="Error">Why the trial failed, or null.</param>
public sealed record Trial(
    int Index,
    string Learner,
    IReadOnlyDictionary<string, double> Config,
    double Loss,
    TimeSpan Duration,
    int SampleSize,
    TimeSpan StartedAt,
    string? Error);
