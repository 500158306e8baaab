namespace Vigil.Monitoring.Estimation;

/// <summary>
/// What a version's estimator is, for people and JSON (<c>vigil models estimator --json</c>, the API): where it comes
/// from (<see cref="Source"/>: refitted, bundle or none), its method, what and how many rows it was fitted on, its
/// calibration and the baselines its estimates are judged against (the metrics realised on those rows).
/// </summary>
public sealed record EstimatorSummary
{
    public required string Model { get; init; }

    public required int Version { get; init; }

    /// <summary><c>refitted</c>, <c>bundle</c> or <c>none</c>.</summary>
    public required string Source { get; init; }

    /// <summary><c>cbpe</c> or <c>dle</c>; null without an estimator.</summary>
    public string? Method { get; init; }

    /// <summary>Labelled rows it was fitted on.</summary>
    public int? Rows { get; init; }

    /// <summary>What a refit was fitted on, in words; null for the bundle's.</summary>
    public string? FittedOn { get; init; }

    public DateTimeOffset? FittedAt { get; init; }

    /// <summary>Who refitted it; null for the bundle's.</summary>
    public string? FittedBy { get; init; }

    /// <summary>CBPE's calibration (isotonic, sigmoid, none; per class for multiclass).</summary>
    public string? Calibration { get; init; }

    public double? CalibrationError { get; init; }

    /// <summary>Metric → value realised on the rows it was fitted on: the baselines of its estimates.</summary>
    public IReadOnlyDictionary<string, double> Baselines { get; init; } = new Dictionary<string, double>();

    /// <summary>Why there is none, or why a refit could not be read and the bundle's is used.</summary>
    public string? Why { get; init; }

    public static EstimatorSummary From(VersionEstimator e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var estimator = e.Estimator;
        return new EstimatorSummary
        {
            Model = e.Model,
            Version = e.Version,
            Source = e.Source,
            Method = estimator?.Method,
            Rows = e.Refit?.Rows ?? estimator?.Cbpe?.ReferenceRows ?? estimator?.Dle?.ReferenceRows,
            FittedOn = e.Refit?.Source,
            FittedAt = e.Refit?.FittedAt ?? (estimator is { FittedAt: var at } && at != default ? at : null),
            FittedBy = e.Refit?.FittedBy,
            Calibration = estimator?.Cbpe?.CalibrationSummary(),
            CalibrationError = estimator?.Cbpe?.CalibrationError(),
            Baselines = estimator?.Cbpe?.Reference ?? estimator?.Dle?.Reference ?? new Dictionary<string, double>(),
            Why = e.Why,
        };
    }
}
