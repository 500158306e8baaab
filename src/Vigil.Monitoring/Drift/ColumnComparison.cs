namespace Vigil.Monitoring.Drift;

/// <summary>
/// The raw comparison of one column before the decision: the measured <see cref="ColumnDrift"/> fields, the deciding
/// test's unadjusted p-value (null when it could not run), and the share of current cells in unseen categories.
/// </summary>
internal sealed record ColumnComparison(ColumnDrift Drift, double? PValue, double NewCategoryShare, string? Note);
