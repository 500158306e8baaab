using Vigil.Data.Tables;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// <c>ad</c>: k-sample Anderson–Darling with k = 2, equal to SciPy 1.10 <c>anderson_ksamp([reference, current])</c>
/// (midrank statistic, valid with ties). More weight in the tails than KS. Its p-value is SciPy's interpolation in
/// Scholz and Stephens' table, capped at 0.25 and floored at 0.001, so a column can never look more significant than
/// p = 0.001; with many columns and a correction, that floor can keep a real shift from being flagged.
/// </summary>
public sealed class AndersonDarlingTest : ColumnTest
{
    public override string Name => "ad";

    public override string Title => "Anderson–Darling k-sample (k = 2)";

    public override IReadOnlyList<ColumnKind> Kinds { get; } = [ColumnKind.Numeric, ColumnKind.DateTime];

    /// <summary>Two values per sample, so the pooled sample has the 4 the variance formula needs.</summary>
    public override int MinReference => 2;

    public override int MinCurrent => 2;

    public override ColumnTestResult Compare(in ColumnSamples samples, DriftOptions options)
    {
        var reference = samples.SortedReference;
        var current = samples.SortedCurrent;
        if (reference[0] == reference[^1] && current[0] == current[^1] && reference[0] == current[0])
        {
            return ColumnTestResult.NotRun("every value in both samples is the same, and Anderson–Darling needs two distinct values");
        }

        var ad = AndersonDarling.TwoSample(reference, current);
        return ColumnTestResult.Of(ad.Statistic, ad.PValue);
    }
}
