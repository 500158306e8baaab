namespace Vigil.Monitoring.Estimation;

/// <summary>How <see cref="CalibratorSelection"/> compares and fits calibrations.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Cross-validation folds. Default 5.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Equal-mass bins of the expected calibration error. Default 10.</summary>
    public int Bins { get; init; } = 10;

    /// <summary>
    /// How much lower a method's cross-validated calibration error must be to be chosen over a simpler one
    /// (none → sigmoid → isotonic). Default 0.005: below what the error itself resolves on a few thousand rows.
    /// </summary>
    public double Tolerance { get; init; } = 0.005;

    /// <summary>Fewer holdout rows than this keep the probabilities as they are. Default 100.</summary>
    public int MinRows { get; init; } = 100;

    /// <summary>Seed of the folds.</summary>
    public int Seed { get; init; }
}
