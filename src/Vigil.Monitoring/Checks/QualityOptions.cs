namespace Vigil.Monitoring.Checks;

/// <summary>
/// Thresholds of <see cref="QualityCheck"/>. Missing shares are compared by absolute increase rather than by a
/// two-proportion test: a test would flag a 1-point rise in a 100,000-row window, while operators think in
/// "10 % more of this column is empty".
/// </summary>
public sealed record QualityOptions
{
    /// <summary>Warning when a column's missing share exceeds the training share by more than this (absolute). Default 0.1.</summary>
    public double MaxMissingShareIncrease { get; init; } = 0.1;

    /// <summary>Error when the increase reaches this, or the column is entirely missing. Default 0.5.</summary>
    public double ErrorMissingShareIncrease { get; init; } = 0.5;

    /// <summary>Below this many rows the window is flagged too_few_rows (warning): drift tests have little power. Default 30.</summary>
    public int MinRows { get; init; } = 30;

    /// <summary>Out-of-range share (of non-missing values) from which the finding is a warning rather than info. Default 0.05.</summary>
    public double OutOfRangeWarningShare { get; init; } = 0.05;

    /// <summary>Unseen-category share (of non-missing cells) from which the finding is a warning rather than info. Default 0.05.</summary>
    public double UnseenCategoryWarningShare { get; init; } = 0.05;

    /// <summary>Window columns that are expected and not features (ids, timestamps, predictions): never extra_column. Default none.</summary>
    public IReadOnlyCollection<string> IgnoredColumns { get; init; } = [];
}
