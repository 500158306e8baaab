namespace Vigil.Monitoring.Reporting.Model;

/// <summary>The headline numbers of a report (the seed tutorial's summary).</summary>
public sealed record ReportSummary
{
    /// <summary>Monitoring checks run so far (performance evaluations, with or without labels).</summary>
    public int TotalEvaluations { get; init; }

    /// <summary>The primary metric in the latest labelled evaluation; null before labels arrive.</summary>
    public double? LatestValue { get; init; }

    /// <summary>The primary metric of the champion on its holdout at promotion.</summary>
    public double? Baseline { get; init; }

    /// <summary>Least-squares slope of the primary metric, in metric units per evaluation; null with fewer than two points.</summary>
    public double? TrendSlope { get; init; }

    /// <summary><c>improving</c>, <c>declining</c> or <c>stable</c>, already oriented by whether higher is better.</summary>
    public string Trend { get; init; } = "stable";

    /// <summary><c>healthy</c>, <c>warning</c> or <c>alarm</c>: the status of the latest check.</summary>
    public string LatestStatus { get; init; } = "healthy";
}
