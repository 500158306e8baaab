namespace Vigil.Monitoring.Profiles;

/// <summary>How a <see cref="ReferenceProfile"/> is built.</summary>
public sealed record ReferenceProfileOptions
{
    /// <summary>Most finite values kept per numeric column for the tests; more are sampled uniformly. Default 50,000.</summary>
    public int SampleCap { get; init; } = 50_000;

    /// <summary>
    /// Whole feature rows kept for multivariate drift (<see cref="ReferenceRowSample"/>); more are sampled uniformly, 0
    /// keeps none. Default 5,000: enough for the domain classifier and PCA thresholds, about 2 MB of JSON at 20 features.
    /// </summary>
    public int RowSampleCap { get; init; } = 5_000;

    /// <summary>Seed of the per-column sampling (column i uses Seed + 7919·i).</summary>
    public int Seed { get; init; }

    /// <summary>Quantile levels in [0, 1] stored per numeric column. Default 0, 1, 5, 10, 25, 50, 75, 90, 95, 99, 100 %.</summary>
    public IReadOnlyList<double> QuantileLevels { get; init; } = [0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99, 1];

    /// <summary>Histogram bins (reference quantile bins, duplicates merged). Default 10, the PSI bin count.</summary>
    public int HistogramBins { get; init; } = 10;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleCap, 2, nameof(SampleCap));
        ArgumentOutOfRangeException.ThrowIfLessThan(HistogramBins, 2, nameof(HistogramBins));
        ArgumentOutOfRangeException.ThrowIfNegative(RowSampleCap, nameof(RowSampleCap));
        if (QuantileLevels.Any(q => !(q >= 0 && q <= 1)))
        {
            throw new ArgumentOutOfRangeException(nameof(QuantileLevels), "Quantile levels must lie in [0, 1].");
        }
    }
}
