namespace Vigil.Statistics.ChangeDetection;

/// <summary>The saved state of a <see cref="PageHinkley"/> detector.</summary>
public sealed record PageHinkleyState : ChangeDetectorState
{
    public required int MinInstances { get; init; }

    public required double Delta { get; init; }

    public required double Threshold { get; init; }

    public required double Alpha { get; init; }

    /// <summary>Running mean of the values.</summary>
    public double Mean { get; init; }

    /// <summary>The cumulative sum S.</summary>
    public double Sum { get; init; }

    public override ChangeDetector Restore() => PageHinkley.From(this);
}
