using FsCheck.Xunit;
using Vigil.Statistics.Distances;
using Vigil.Statistics.Sorting;

namespace Vigil.Statistics.Tests.Sorting;

public class DoubleSortTests
{
    [Theory]
    [InlineData(10)]
    [InlineData(5000)]
    [InlineData(200_000)]
    public void RadixSortEqualsComparisonSort(int n)
    {
        var random = new Random(n);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            // Mix of signs, magnitudes, ties, infinities and subnormals.
            values[i] = (i % 11) switch
            {
                0 => Math.Round(random.NextDouble() * 10) - 5,
                1 => double.PositiveInfinity,
                2 => double.NegativeInfinity,
                3 => double.Epsilon * random.Next(-3, 4),
                _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)),
            };
        }

        var expected = values.ToArray();
        Array.Sort(expected);
        DoubleSort.Sort(values);
        for (var i = 0; i < n; i++)
        {
            // -0.0 and +0.0 compare equal; everything else must be bit-identical in place.
            Assert.True(expected[i] == values[i], $"index {i}: expected {expected[i]:R}, got {values[i]:R}");
        }
    }

    [Property(MaxTest = 100)]
    public bool SharesOfSortedEqualSharesByBinarySearch(int[] reference, int[] current)
    {
        if (reference is not { Length: > 0 } || current is not { Length: > 0 })
        {
            return true;
        }

        var r = reference.Select(v => v / 3.0).Order().ToArray();
        var c = current.Select(v => v / 3.0).Order().ToArray();
        var binning = PsiBinning.FromSortedReference(r);
        return binning.Shares(c).SequenceEqual(binning.SharesOfSorted(c));
    }
}

public class SortedSampleComparisonTests
{
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool FusedPassEqualsSeparateKsAndWasserstein(int[] a, int[] b)
    {
        if (a is not { Length: > 0 } || b is not { Length: > 0 })
        {
            return true;
        }

        var x = a.Select(v => v / 5.0).Order().ToArray();
        var y = b.Select(v => v / 5.0).Order().ToArray();
        var (d, _, _, w1) = Vigil.Statistics.TwoSample.SortedSampleComparison.Compare(x, y);
        var ks = Vigil.Statistics.TwoSample.KolmogorovSmirnov.TwoSample(x, y);
        var fromStatistic = Vigil.Statistics.TwoSample.KolmogorovSmirnov.FromStatistic(d, ks.Location, ks.Sign, x.Length, y.Length);
        // TwoSample reports D rounded to the lattice h / lcm(n, m) when it tries the exact path; the fused pass does not round.
        return Math.Abs(d - ks.Statistic) < 1e-12
            && Math.Abs(fromStatistic.PValue - ks.PValue) <= 1e-12 * Math.Max(1, ks.PValue)
            && w1 == Vigil.Statistics.Distances.Wasserstein.DistanceSorted(x, y);
    }
}
