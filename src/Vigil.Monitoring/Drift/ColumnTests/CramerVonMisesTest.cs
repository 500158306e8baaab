using Vigil.Data.Tables;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// <c>cvm</c>: two-sample Cramér–von Mises, equal to SciPy 1.10 <c>cramervonmises_2samp(reference, current)</c> with
/// method auto: the exact p-value when both samples have at most 20 values, the asymptotic one otherwise. Integrates
/// the squared CDF gap, so it reacts to shifts spread over the range that KS's single largest gap can miss.
/// </summary>
public sealed class CramerVonMisesTest : ColumnTest
{
    public override string Name => "cvm";

    public override string Title => "two-sample Cramér–von Mises";

    public override IReadOnlyList<ColumnKind> Kinds { get; } = [ColumnKind.Numeric, ColumnKind.DateTime];

    public override int MinReference => 2;

    public override int MinCurrent => 2;

    public override ColumnTestResult Compare(in ColumnSamples samples, DriftOptions options)
    {
        var cvm = CramerVonMises.TwoSample(samples.SortedReference, samples.SortedCurrent);
        return ColumnTestResult.Of(cvm.Statistic, cvm.PValue);
    }
}
