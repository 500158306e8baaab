using FsCheck.Xunit;
using Vigil.Statistics.Drift;
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
