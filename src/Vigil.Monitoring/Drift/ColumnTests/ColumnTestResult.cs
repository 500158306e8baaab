namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>What a <see cref="ColumnTest"/> measured on one column.</summary>
public sealed record ColumnTestResult
{
    /// <summary>The test statistic (its scale is the test's: KS D in [0, 1], chi-square, A², T, z).</summary>
    public double? Statistic { get; init; }

    /// <summary>The unadjusted p-value; null when the test could not run.</summary>
    public double? PValue { get; init; }

    /// <summary>Effect sizes the test measures itself, by name (e.g. <c>cramers_v</c>, <c>difference</c>); may be empty.</summary>
    public IReadOnlyDictionary<string, double> EffectSizes { get; init; } = new Dictionary<string, double>();

    /// <summary>Why the test could not run, when it could not.</summary>
    public string? Note { get; init; }

    /// <summary>A run that gave a statistic and a p-value.</summary>
    public static ColumnTestResult Of(double statistic, double pValue, IReadOnlyDictionary<string, double>? effectSizes = null) =>
        new() { Statistic = statistic, PValue = pValue, EffectSizes = effectSizes ?? new Dictionary<string, double>() };

    /// <summary>The data leave the test undefined (e.g. one distinct value in all); <paramref name="reason"/> says why.</summary>
    public static ColumnTestResult NotRun(string reason) => new() { Note = reason };
}
