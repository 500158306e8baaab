namespace Vigil.Monitoring.Reporting.Model;

/// <summary>The headline numbers of a report (the seed tutorial's summary).</summary>
public sealed record ReportSummary
{
    /// <summary>Monitoring checks run so far (performance evaluations, with or without labels).</summary>
    public int TotalEvaluations { get; init; }

    /// <summary>The primary metric in the latest labelled evaluation; null before labels arrive.</summary>
    public double? LatestValue { get; init; }

    /// <summary>The primary metric of the current champion on its holdout.</summary>
    public double? Baseline { get; init; }

    /// <summary>
    /// Least-squares slope of the primary metric since the current champion took over (its evaluations only), in
    /// metric units per evaluation; null with fewer than two such points.
    /// </summary>
    public double? TrendSlope { get; init; }

    /// <summary>The champion version the trend is computed over, e.g. <c>v3</c>; null when no evaluation ran against it.</summary>
    public string? TrendVersion { get; init; }

    /// <summary>Evaluations the trend is fitted on (those against the current champion).</summary>
    public int TrendPoints { get; init; }

    /// <summary><c>improving</c>, <c>declining</c> or <c>stable</c>, already oriented by whether higher is better.</summary>
    public string Trend { get; init; } = "stable";

    /// <summary><c>healthy</c>, <c>warning</c> or <c>alarm</c>: the status of the latest check.</summary>
    public string LatestStatus { get; init; } = "healthy";
}
