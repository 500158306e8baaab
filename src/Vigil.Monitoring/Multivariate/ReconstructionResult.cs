namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// PCA data reconstruction drift: the window's mean reconstruction error (Euclidean, in standardised units) from the
/// principal components of the reference rows, against the band <see cref="Lower"/>–<see cref="Upper"/> =
/// reference mean ± k standard deviations of a window mean of this size (see docs/drift.md). Drifted outside the band.
/// </summary>
public sealed record ReconstructionResult
{
    /// <summary>False when the method could not run; <see cref="Reason"/> says why and the figures are null.</summary>
    public bool Ran { get; init; }

    /// <summary>The verdict in words, or why the method did not run.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Reference rows the components were fitted on.</summary>
    public int NFit { get; init; }

    /// <summary>Held-out reference rows the thresholds come from.</summary>
    public int NReference { get; init; }

    /// <summary>Window rows.</summary>
    public int NCurrent { get; init; }

    /// <summary>Features in the model (standardised; categories as their reference frequency).</summary>
    public int Features { get; init; }

    /// <summary>Principal components kept.</summary>
    public int Components { get; init; }

    /// <summary>Share of the reference variance they explain.</summary>
    public double? ExplainedVariance { get; init; }

    /// <summary>The window's mean reconstruction error.</summary>
    public double? Error { get; init; }

    /// <summary>The held-out reference rows' mean reconstruction error (the band's centre).</summary>
    public double? ReferenceError { get; init; }

    /// <summary>Standard deviation of one row's reconstruction error on the held-out reference rows.</summary>
    public double? ReferenceRowDeviation { get; init; }

    /// <summary>Lower threshold for a window of this size.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper threshold for a window of this size.</summary>
    public double? Upper { get; init; }

    /// <summary>Half-width of the band in standard deviations.</summary>
    public double ThresholdDeviations { get; init; }

    /// <summary>True when the window's error lies outside the band.</summary>
    public bool Drifted { get; init; }
}
