namespace Vigil.Statistics.ChangeDetection;

/// <summary>The saved state of a <see cref="Kswin"/> detector.</summary>
public sealed record KswinState : ChangeDetectorState
{
    public required double Alpha { get; init; }

    public required int WindowSize { get; init; }

    public required int StatSize { get; init; }

    public required ulong Seed { get; init; }

    /// <summary>The sliding window, oldest first.</summary>
    public IReadOnlyList<double> Window { get; init; } = [];

    /// <summary>The sampling generator's state.</summary>
    public ulong RandomState { get; init; }

    public double PValue { get; init; } = 1;

    public double Statistic { get; init; }

    public override ChangeDetector Restore() => Kswin.From(this);
}
