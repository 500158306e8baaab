namespace Vigil.Statistics.Resampling;

/// <summary>A metric evaluated on a multiset of row indices (one bootstrap resample; indices may repeat).</summary>
public delegate double RowMetric(ReadOnlySpan<int> rows);
