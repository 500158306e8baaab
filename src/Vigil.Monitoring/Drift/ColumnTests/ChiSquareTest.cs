using Vigil.Data.Tables;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// <c>chi2</c>: Pearson's chi-square on the 2 × K table of counts over the union of categories, equal to SciPy 1.10
/// <c>chi2_contingency</c> (Yates's correction only when K = 2). The default for categorical and boolean columns.
/// Effect size <c>cramers_v</c> = √(χ² / n) with n the pooled count (a 2-row table has min(r, c) − 1 = 1).
/// </summary>
public sealed class ChiSquareTest : ColumnTest
{
    public override string Name => "chi2";

    public override string Title => "chi-square test of homogeneity";

    public override IReadOnlyList<ColumnKind> Kinds { get; } = [ColumnKind.Categorical, ColumnKind.Boolean];

    public override ColumnTestResult Compare(in ColumnSamples samples, DriftOptions options)
    {
        var k = samples.ReferenceCounts.Length;
        var table = new double[2, k];
        for (var j = 0; j < k; j++)
        {
            table[0, j] = samples.ReferenceCounts[j];
            table[1, j] = samples.CurrentCounts[j];
        }

        var chi = ChiSquare.Contingency(table);
        var pooled = (double)samples.ReferenceCount + samples.CurrentCount;
        return ColumnTestResult.Of(chi.Statistic, chi.PValue, new Dictionary<string, double> { ["cramers_v"] = Math.Sqrt(chi.Statistic / pooled) });
    }
}
