namespace Vigil.Monitoring.Reporting.Model;

/// <summary>Drift of every column over a sequence of checks: <c>Cells[column][check]</c>.</summary>
public sealed record DriftHeatmapView
{
    /// <summary>Column names (the rows of the heatmap).</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Checks, oldest first (the columns of the heatmap).</summary>
    public IReadOnlyList<HeatmapCheck> Checks { get; init; } = [];

    /// <summary>One row per entry of <see cref="Columns"/>, each with one cell per entry of <see cref="Checks"/>.</summary>
    public IReadOnlyList<IReadOnlyList<HeatmapCell>> Cells { get; init; } = [];
}

/// <summary>One drift check in the heatmap.</summary>
public sealed record HeatmapCheck
{
    /// <summary>Identifier of the check in History.</summary>
    public required string CheckId { get; init; }

    /// <summary>End of the checked window, in UTC.</summary>
    public required DateTimeOffset At { get; init; }
}

/// <summary>One column in one check.</summary>
public sealed record HeatmapCell
{
    /// <summary>Adjusted p-value of the deciding test; null when the column was not tested.</summary>
    public double? AdjustedP { get; init; }

    /// <summary>Population stability index; null when not computed.</summary>
    public double? Psi { get; init; }

    /// <summary>The decision of the drift rule.</summary>
    public bool Drifted { get; init; }
}
