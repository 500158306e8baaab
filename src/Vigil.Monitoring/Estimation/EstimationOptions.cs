namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Settings of performance estimation on windows without labels. Whether an estimate is degraded is not set here: the
/// model's watched metrics, drops and level (<see cref="Checks.PerformanceOptions"/>) judge estimated metrics exactly as
/// measured ones (<see cref="Checks.DegradationRule"/>).
/// </summary>
public sealed record EstimationOptions
{
    /// <summary>Estimate performance when the version has an estimator. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Simulated label draws for the sampling error of classification metrics. Default 200.</summary>
    public int Draws { get; init; } = 200;

    /// <summary>Seed of the draws (the same window gives the same band).</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Draws, 10, nameof(Draws));
    }
}
