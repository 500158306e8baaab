namespace Vigil.Monitoring.Reporting.Model;

/// <summary>One data-quality finding (missing values, unseen categories, values out of range, schema changes).</summary>
public sealed record QualityFindingView
{
    /// <summary>The column concerned; null for table-wide findings.</summary>
    public string? Column { get; init; }

    /// <summary>Kind of finding, e.g. <c>missing</c>, <c>unseen_category</c>, <c>out_of_range</c>, <c>schema</c>.</summary>
    public required string Kind { get; init; }

    /// <summary><c>info</c>, <c>warning</c> or <c>error</c>.</summary>
    public string Severity { get; init; } = "info";

    /// <summary>What was found, in words with numbers.</summary>
    public string Detail { get; init; } = "";
}
