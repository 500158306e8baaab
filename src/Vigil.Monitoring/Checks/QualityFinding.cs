namespace Vigil.Monitoring.Checks;

/// <summary>What a data-quality finding is about.</summary>
public enum QualityFindingKind
{
    /// <summary>A profiled feature is absent from the window.</summary>
    MissingColumn,

    /// <summary>The window has a column the profile does not know (and the options do not ignore).</summary>
    ExtraColumn,

    /// <summary>A column arrives with another kind than in training (e.g. text instead of numbers).</summary>
    TypeMismatch,

    /// <summary>The share of missing cells rose above the allowed increase.</summary>
    MissingShare,

    /// <summary>Categories never seen in training.</summary>
    UnseenCategory,

    /// <summary>Numeric values outside the training [min, max] (±Infinity included).</summary>
    OutOfRange,

    /// <summary>±Infinity in a numeric column.</summary>
    NonFinite,

    /// <summary>Fewer rows than the tests need to say anything.</summary>
    TooFewRows,

    /// <summary>The window has no rows.</summary>
    EmptyWindow,
}

/// <summary>How much a finding matters: info (worth knowing), warning (look at it), error (the window cannot be trusted).</summary>
public enum QualitySeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One data-quality finding. <see cref="Value"/> is the finding's number: the missing share (missing_share), the
/// share of non-missing cells in unseen categories (unseen_category), the share of non-missing values outside
/// [min, max] (out_of_range), the count of ±Infinity cells (non_finite), the row count (too_few_rows, empty_window);
/// null for schema findings.
/// </summary>
public sealed record QualityFinding(string? Column, QualityFindingKind Kind, QualitySeverity Severity, string Detail, double? Value = null);
