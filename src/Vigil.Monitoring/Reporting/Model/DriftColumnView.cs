namespace Vigil.Monitoring.Reporting.Model;

/// <summary>The drift of one column in the latest check (see docs/drift.md for how each number is computed).</summary>
public sealed record DriftColumnView
{
    /// <summary>Column name, verbatim (may hold any character).</summary>
    public required string Name { get; init; }

    /// <summary><c>numeric</c> or <c>categorical</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The deciding test (<c>ks</c>, <c>chi2</c>, <c>ad</c>, <c>cvm</c>, <c>z</c>, or a registered test's name); null when none ran.</summary>
    public string? Test { get; init; }

    /// <summary>The deciding test's statistic on its own scale (KS D, chi-square, Anderson–Darling A², Cramér–von Mises T, z).</summary>
    public double? Statistic { get; init; }

    /// <summary>The deciding test's raw p-value.</summary>
    public double? PValue { get; init; }

    /// <summary>The p-value after the multiple-testing correction across columns.</summary>
    public double? PValueAdjusted { get; init; }

    /// <summary>Population stability index (unitless, ≥ 0; above 0.2 is usually a large shift).</summary>
    public double? Psi { get; init; }

    /// <summary>Jensen–Shannon distance, base 2, in [0, 1].</summary>
    public double? JensenShannon { get; init; }

    /// <summary>Wasserstein-1 distance divided by the reference's std (numeric columns only).</summary>
    public double? WassersteinNormed { get; init; }

    /// <summary>Effect sizes by name: the column's shift measures and the test's own (see docs/drift.md).</summary>
    public IReadOnlyDictionary<string, double> EffectSizes { get; init; } = new Dictionary<string, double>();

    /// <summary>The decision of the drift rule.</summary>
    public bool Drifted { get; init; }

    /// <summary>Why the column is or is not drifted, in words.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Reference and current shares per bin; null when not kept.</summary>
    public HistogramView? Histogram { get; init; }
}
