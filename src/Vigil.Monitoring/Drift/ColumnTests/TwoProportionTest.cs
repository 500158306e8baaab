using Vigil.Data.Tables;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// <c>z</c>: two-proportion z-test for boolean columns, pooled and two-sided, equal to statsmodels'
/// <c>proportions_ztest([x_ref, x_cur], [n_ref, n_cur])</c>: z = (p_ref − p_cur) / √(p̂(1 − p̂)(1/n_ref + 1/n_cur)) with
/// p the share of <c>true</c> and p̂ the pooled share; p-value 2·Φ(−|z|). When both samples are all true or all
/// false the variance is 0 and Vigil reports z = 0, p = 1 (statsmodels gives NaN). Effect sizes: <c>difference</c>
/// = p_cur − p_ref and Cohen's <c>cohens_h</c> = 2·asin√p_cur − 2·asin√p_ref.
/// </summary>
public sealed class TwoProportionTest : ColumnTest
{
    public override string Name => "z";

    public override string Title => "two-proportion z-test (pooled, two-sided)";

    public override IReadOnlyList<ColumnKind> Kinds { get; } = [ColumnKind.Boolean];

    public override ColumnTestResult Compare(in ColumnSamples samples, DriftOptions options)
    {
        double referenceTrue = 0, currentTrue = 0;
        var categories = samples.Categories ?? [];
        for (var k = 0; k < categories.Count; k++)
        {
            switch (categories[k])
            {
                case "true":
                    referenceTrue = samples.ReferenceCounts[k];
                    currentTrue = samples.CurrentCounts[k];
                    break;
                case "false":
                    break;
                default:
                    // A boolean reference compared with a current column holding other text (e.g. a window logged as categories).
                    return ColumnTestResult.NotRun($"the current values are not all true/false (found '{categories[k]}')");
            }
        }

        var (z, p) = TwoProportionZTest.Test((long)referenceTrue, samples.ReferenceCount, (long)currentTrue, samples.CurrentCount);
        var pReference = referenceTrue / samples.ReferenceCount;
        var pCurrent = currentTrue / samples.CurrentCount;
        return ColumnTestResult.Of(z, p, new Dictionary<string, double>
        {
            ["difference"] = pCurrent - pReference,
            ["cohens_h"] = (2 * Math.Asin(Math.Sqrt(pCurrent))) - (2 * Math.Asin(Math.Sqrt(pReference))),
        });
    }
}
