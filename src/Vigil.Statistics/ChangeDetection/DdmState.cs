namespace Vigil.Statistics.ChangeDetection;

/// <summary>The saved state of a <see cref="Ddm"/> detector.</summary>
public sealed record DdmState : ChangeDetectorState
{
    public required int WarmStart { get; init; }

    public required double WarningThreshold { get; init; }

    public required double DriftThreshold { get; init; }

    public bool WarningDetected { get; init; }

    /// <summary>Error rate since the detector started over.</summary>
    public double ErrorRate { get; init; }

    /// <summary>p_min, or null before it is first set.</summary>
    public double? PMin { get; init; }

    /// <summary>s_min, or null before it is first set.</summary>
    public double? SMin { get; init; }

    public override ChangeDetector Restore() => Ddm.From(this);
}
