namespace Vigil.Monitoring.Estimation;

/// <summary>Settings of performance estimation on windows without labels.</summary>
public sealed record EstimationOptions
{
    /// <summary>Estimate performance when the version has an estimator. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The degradation rule; null means the allowed drops and level of the performance options.</summary>
    public EstimatedDegradationRule? Rule { get; init; }

    /// <summary>Simulated label draws for the sampling error of classification metrics. Default 200.</summary>
    public int Draws { get; init; } = 200;

    /// <summary>Seed of the draws (the same window gives the same band).</summary>
    public int Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Draws, 10, nameof(Draws));
        Rule?.Validate();
    }
}
