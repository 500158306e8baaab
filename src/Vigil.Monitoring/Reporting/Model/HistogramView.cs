namespace Vigil.Monitoring.Reporting.Model;

/// <summary>
/// Reference and current distributions of one column over the same bins (numeric: the PSI bins; categorical: the
/// categories). Shares are fractions of non-missing rows in [0, 1]; the three lists have the same length.
/// </summary>
public sealed record HistogramView
{
    /// <summary>Bin labels as shown on the axis, e.g. <c>(12.5, 20]</c> or a category.</summary>
    public IReadOnlyList<string> BinLabels { get; init; } = [];

    /// <summary>Share of reference rows in each bin.</summary>
    public IReadOnlyList<double> ReferenceShares { get; init; } = [];

    /// <summary>Share of current rows in each bin.</summary>
    public IReadOnlyList<double> CurrentShares { get; init; } = [];
}
