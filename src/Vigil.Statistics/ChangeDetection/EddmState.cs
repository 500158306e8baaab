namespace Vigil.Statistics.ChangeDetection;

/// <summary>The saved state of an <see cref="Eddm"/> detector.</summary>
public sealed record EddmState : ChangeDetectorState
{
    public required int WarmStart { get; init; }

    public required double Alpha { get; init; }

    public required double Beta { get; init; }

    public bool WarningDetected { get; init; }

    /// <summary>Errors since the detector started over.</summary>
    public long Errors { get; init; }

    /// <summary>Position (1-based, in <see cref="ChangeDetectorState.Observations"/>) of the last error; 0 before the first.</summary>
    public long LastError { get; init; }

    /// <summary>Mean distance between consecutive errors.</summary>
    public double DistanceMean { get; init; }

    /// <summary>Sample variance of those distances.</summary>
    public double DistanceVariance { get; init; }

    /// <summary>Largest p′ + 2s′ seen; −1 before the first.</summary>
    public double MaxLevel { get; init; }

    public override ChangeDetector Restore() => Eddm.From(this);
}
