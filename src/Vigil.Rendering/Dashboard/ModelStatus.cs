using Vigil.Monitoring.Reports.Model;

namespace Vigil.Rendering.Dashboard;

/// <summary>One row of the overview: the latest check's health and headline numbers for one model.</summary>
public sealed record ModelStatus
{
    public required string Model { get; init; }

    /// <summary><c>healthy</c>, <c>warning</c>, <c>alarm</c>, or null before the first check.</summary>
    public string? Status { get; init; }

    public VersionSummary? Champion { get; init; }

    public DateTimeOffset? LastCheck { get; init; }

    public double? DriftShare { get; init; }

    public int DriftedColumns { get; init; }

    public int ComparedColumns { get; init; }

    public required string PrimaryMetric { get; init; }

    public double? LatestValue { get; init; }

    public double? Baseline { get; init; }

    public bool HigherIsBetter { get; init; } = true;

    public IReadOnlyList<double> RecentValues { get; init; } = [];

    public int Checks { get; init; }

    /// <summary>Set when the model's history could not be read; the row says so instead of breaking the page.</summary>
    public string? Error { get; init; }
}
