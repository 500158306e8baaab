using Vigil.Data.Tables;
using Vigil.Statistics.TwoSample;

namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// <c>ks</c>: two-sample Kolmogorov–Smirnov, two-sided, equal to SciPy 1.10 <c>ks_2samp</c> with the method in
/// <see cref="DriftOptions.KsMethod"/> (auto: exact when max(n, m) ≤ 10,000). The default for numeric and date-time
/// columns. Its statistic D is itself an effect size in [0, 1].
/// </summary>
public sealed class KolmogorovSmirnovTest : ColumnTest
{
    public override string Name => "ks";

    public override string Title => "two-sample Kolmogorov–Smirnov";

    public override IReadOnlyList<ColumnKind> Kinds { get; } = [ColumnKind.Numeric, ColumnKind.DateTime];

    public override ColumnTestResult Compare(in ColumnSamples samples, DriftOptions options)
    {
        // The gap comes from the merge pass that also measures Wasserstein-1, so the default path sorts and scans once.
        var gap = samples.Ecdf ?? Gap(samples.SortedReference, samples.SortedCurrent);
        var ks = KolmogorovSmirnov.FromStatistic(gap.Statistic, gap.Location, gap.Sign, samples.ReferenceCount, samples.CurrentCount, options.KsMethod);
        return ColumnTestResult.Of(ks.Statistic, ks.PValue);
    }

    private static EcdfGap Gap(ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        var (d, location, sign, _) = SortedSampleComparison.Compare(reference, current);
        return new EcdfGap(d, location, sign);
    }
}
