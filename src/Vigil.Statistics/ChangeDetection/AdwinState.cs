namespace Vigil.Statistics.ChangeDetection;

/// <summary>The saved state of an <see cref="Adwin"/> detector.</summary>
public sealed record AdwinState : ChangeDetectorState
{
    public required double Delta { get; init; }

    public required int Clock { get; init; }

    public required int MaxBuckets { get; init; }

    public required int MinWindowLength { get; init; }

    public required int GracePeriod { get; init; }

    /// <summary>Updates since the start (cuts are examined every <see cref="Clock"/> ticks).</summary>
    public long Tick { get; init; }

    /// <summary>Values in the window.</summary>
    public double Width { get; init; }

    /// <summary>Sum of the values in the window.</summary>
    public double Total { get; init; }

    /// <summary>Sum of squared deviations of the window's values from their mean.</summary>
    public double Variance { get; init; }

    /// <summary>Per histogram row (row i holds buckets of 2^i values, oldest bucket first): the buckets' sums.</summary>
    public IReadOnlyList<IReadOnlyList<double>> BucketTotals { get; init; } = [];

    /// <summary>Per row, the buckets' variance sums (same shape as <see cref="BucketTotals"/>).</summary>
    public IReadOnlyList<IReadOnlyList<double>> BucketVariances { get; init; } = [];

    public override ChangeDetector Restore() => Adwin.From(this);
}
