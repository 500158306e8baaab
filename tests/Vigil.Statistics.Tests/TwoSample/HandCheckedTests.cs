using Vigil.Statistics.Distances;
using Vigil.Statistics.Distributions;
using Vigil.Statistics.Metrics;
using Vigil.Statistics.Resampling;
using Vigil.Statistics.TwoSample;

namespace Vigil.Statistics.Tests.TwoSample;

public class HandCheckedTests
{
    [Fact]
    public void KsSmallDisjointExact()
    {
        var r = KolmogorovSmirnov.TwoSample([1.0, 2, 3], [4.0, 5, 6]);
        Assert.Equal(1.0, r.Statistic);
        Assert.Equal(0.1, r.PValue, 12); // 2 / C(6,3)
        Assert.Equal(3.0, r.Location);
        Assert.Equal(1, r.Sign);
        Assert.Equal(KsMethod.Exact, r.EffectiveMethod);
        Assert.True(double.IsNaN(KolmogorovSmirnov.TwoSample([1.0], [2.0], KsMethod.Asymptotic).PValue));
    }

    [Fact]
    public void KsRejectsNaNAndEmpty()
    {
        Assert.Equal("sortedY", Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([1.0], [double.NaN])).ParamName);
        Assert.Equal("sortedX", Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.TwoSample([], [1.0])).ParamName);
    }

    [Fact]
    public void KolmogorovEdges()
    {
        Assert.Equal(1.0, Kolmogorov.Sf(0, 10));
        Assert.Equal(0.0, Kolmogorov.Sf(1, 10));
        Assert.Equal(1.0, Kolmogorov.Sf(0.95, 10) / (2 * Math.Pow(0.05, 10)), 12); // Ruben–Gambino upper end
        Assert.True(double.IsNaN(Kolmogorov.Sf(0.5, 0)));
    }

    [Fact]
    public void ChiSquareZeroColumnIsTypedError()
    {
        var ex = Assert.Throws<ZeroExpectedFrequencyException>(() => ChiSquare.Contingency(new double[,] { { 1, 0 }, { 2, 0 } }));
        Assert.Equal(1, ex.Column);
        var r = ChiSquare.Contingency(new double[,] { { 3, 1 }, { 1, 3 } });
        Assert.Equal(0.5, r.Statistic, 12); // Yates: (|1| − 0.5)² / 2 × 4
    }

    [Fact]
    public void DistancesHandCases()
    {
        Assert.Equal(5.0, Wasserstein.Distance([0.0, 1, 3], [5.0, 6, 8]), 12);
        Assert.Equal(1.0, Divergences.JensenShannonDistance([1.0, 0], [0.0, 1], 2), 12);
        Assert.Equal(1.0, Divergences.Hellinger([1.0, 0], [0.0, 1]), 12);
        Assert.Equal(5.0 / 0.001, Wasserstein.Normalized([2.0, 2.0], [7.0]), 9);
        var (z, p) = TwoProportionZTest.Test(50, 100, 50, 100);
        Assert.Equal(0.0, z);
        Assert.Equal(1.0, p, 12);
        (z, p) = TwoProportionZTest.Test(60, 100, 40, 100);
        Assert.Equal(2.8284271247461903, z, 12);
        Assert.Equal(0.004677734981047177, p, 12);
    }

    [Fact]
    public void PsiBinningCountsOutsideRange()
    {
        var reference = Enumerable.Range(1, 100).Select(v => (double)v).ToArray();
        var binning = PsiBinning.FromSortedReference(reference);
        Assert.Equal(9, binning.Edges.Count);
        Assert.Equal(10.9, binning.Edges[0], 12);
        var shares = binning.Shares([-1000.0, 1000.0]);
        Assert.Equal(0.5, shares[0]);
        Assert.Equal(0.5, shares[9]);
        Assert.Equal(0.0, PopulationStability.FromCounts([1, 2, 3], [2, 4, 6]), 15);
        Assert.True(binning.Psi([1000.0]) > 0);
    }

    [Fact]
    public void BootstrapIsDeterministicAndPaired()
    {
        var y = Enumerable.Range(0, 200).Select(i => i % 2).ToArray();
        var s1 = Enumerable.Range(0, 200).Select(i => ((i % 2) * 0.3) + (i % 7 / 10.0)).ToArray();
        double Auc(ReadOnlySpan<int> rows, double[] s)
        {
            var yy = new int[rows.Length];
            var ss = new double[rows.Length];
            for (var k = 0; k < rows.Length; k++)
            {
                yy[k] = y[rows[k]];
                ss[k] = s[rows[k]];
            }

            return BinaryMetrics.RocAuc(yy, ss);
        }

        var a = Bootstrap.ConfidenceInterval(200, r => Auc(r, s1), 200, 0.9, seed: 42);
        var b = Bootstrap.ConfidenceInterval(200, r => Auc(r, s1), 200, 0.9, seed: 42);
        Assert.Equal(a, b);
        Assert.True(a.Lower <= a.Estimate && a.Estimate <= a.Upper);
        var d = Bootstrap.PairedDifference(200, r => Auc(r, s1), r => Auc(r, s1), 100, seed: 1);
        Assert.Equal(0.0, d.Lower);
        Assert.Equal(0.0, d.Upper);
    }
}
