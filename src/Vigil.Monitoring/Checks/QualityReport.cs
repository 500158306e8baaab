namespace Vigil.Monitoring.Checks;

/// <summary>The data-quality findings of one window, most severe first.</summary>
public sealed record QualityReport
{
    /// <summary>Rows in the window.</summary>
    public int Rows { get; init; }

    /// <summary>Every finding, ordered by severity (error first), then column.</summary>
    public required IReadOnlyList<QualityFinding> Findings { get; init; }

    /// <summary>The most severe finding's severity; null when there are none.</summary>
    public QualitySeverity? WorstSeverity => Findings.Count == 0 ? null : Findings.Max(f => f.Severity);

    /// <summary>Findings of severity error.</summary>
    public int Errors => Findings.Count(f => f.Severity == QualitySeverity.Error);

    /// <summary>Findings of severity warning.</summary>
    public int Warnings => Findings.Count(f => f.Severity == QualitySeverity.Warning);
}
