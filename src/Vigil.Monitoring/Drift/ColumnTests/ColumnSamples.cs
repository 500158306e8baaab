using Vigil.Data.Tables;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// The two samples of one column as a <see cref="ColumnTest"/> reads them, missing values already dropped.
/// Numeric and date-time columns carry both samples sorted ascending (finite values only; date-times as seconds since
/// the Unix epoch) and the sup gap between their empirical CDFs, measured in the pass that also gives Wasserstein-1.
/// Categorical and boolean columns carry the counts of each category over the union of both samples.
/// </summary>
public readonly ref struct ColumnSamples
{
    /// <summary>The reference column's kind as read (numeric, date-time, categorical or boolean).</summary>
    public ColumnKind Kind { get; init; }

    /// <summary>Non-missing reference values.</summary>
    public int ReferenceCount { get; init; }

    /// <summary>Non-missing current values.</summary>
    public int CurrentCount { get; init; }

    /// <summary>Reference values sorted ascending (numeric and date-time columns).</summary>
    public ReadOnlySpan<double> SortedReference { get; init; }

    /// <summary>Current values sorted ascending (numeric and date-time columns).</summary>
    public ReadOnlySpan<double> SortedCurrent { get; init; }

    /// <summary>sup |F_reference − F_current| with where and in which direction it is reached (numeric columns).</summary>
    public EcdfGap? Ecdf { get; init; }

    /// <summary>Union of both samples' categories in ordinal order (categorical and boolean columns).</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Reference count per category of <see cref="Categories"/>.</summary>
    public ReadOnlySpan<double> ReferenceCounts { get; init; }

    /// <summary>Current count per category of <see cref="Categories"/>.</summary>
    public ReadOnlySpan<double> CurrentCounts { get; init; }
}
