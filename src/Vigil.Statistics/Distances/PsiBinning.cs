using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Distances;

/// <summary>
/// Quantile bins of a reference sample, computed once and reused for many current samples. Edges are numpy linear
/// quantiles of the reference at 1/B, 2/B, …, (B−1)/B (duplicates removed); bins are (−∞, e₁], (e₁, e₂], …, (e_k, ∞),
/// so values outside the reference range are counted in the end bins.
/// </summary>
public sealed class PsiBinning
{
    private readonly double[] _edges;
    private readonly double[] _referenceShares;

    private PsiBinning(double[] edges, double[] referenceShares)
    {
        _edges = edges;
        _referenceShares = referenceShares;
    }

    /// <summary>Interior edges e₁ &lt; … &lt; e_k (k ≤ B − 1).</summary>
    public IReadOnlyList<double> Edges => _edges;

    /// <summary>Unsmoothed reference share of each of the k + 1 bins (sums to 1).</summary>
    public ReadOnlySpan<double> ReferenceShares => _referenceShares;

    /// <summary>Number of bins (interior edges + 1).</summary>
    public int BinCount => _edges.Length + 1;

    /// <summary>Builds the bins from a reference sorted ascending (no NaN). <paramref name="binCount"/> B ≥ 2.</summary>
    public static PsiBinning FromSortedReference(ReadOnlySpan<double> sortedReference, int binCount = 10)
    {
        Guard.NotEmpty(sortedReference, nameof(sortedReference));
        Guard.NoNaN(sortedReference, nameof(sortedReference));
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 2);
        var edges = new List<double>(binCount - 1);
        var count = binCount - 1;
        double start = 1.0 / binCount, stop = (binCount - 1.0) / binCount;
        var step = count > 1 ? (stop - start) / (count - 1) : 0;
        for (var i = 0; i < count; i++)
        {
            var q = i == count - 1 ? stop : (i * step) + start; // numpy.linspace
            var e = Descriptive.Quantile.Linear(sortedReference, q);
            if (edges.Count == 0 || e > edges[^1])
            {
                edges.Add(e);
            }
        }

        var binning = new PsiBinning([.. edges], []);
        return new PsiBinning(binning._edges, binning.SharesOfSorted(sortedReference));
    }

    /// <summary>Unsmoothed share of <paramref name="sample"/> (any order, no NaN) in each bin, by binary search.</summary>
    public double[] Shares(ReadOnlySpan<double> sample)
    {
        Guard.NotEmpty(sample, nameof(sample));
        Guard.NoNaN(sample, nameof(sample));
        var counts = new double[BinCount];
        foreach (var x in sample)
        {
            counts[BinIndex(x)]++;
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] /= sample.Length;
        }

        return counts;
    }

    /// <summary>
    /// Same as <see cref="Shares"/> for a sample already sorted ascending: each bin's count comes from two binary
    /// searches of the edges in the sample, O(k log n) instead of O(n log k).
    /// </summary>
    public double[] SharesOfSorted(ReadOnlySpan<double> sortedSample)
    {
        Guard.NotEmpty(sortedSample, nameof(sortedSample));
        var shares = new double[BinCount];
        var below = 0; // values ≤ the previous edge
        for (var i = 0; i < _edges.Length; i++)
        {
            var upTo = UpperBound(sortedSample, _edges[i]);
            shares[i] = (double)(upTo - below) / sortedSample.Length;
            below = upTo;
        }

        shares[_edges.Length] = (double)(sortedSample.Length - below) / sortedSample.Length;
        return shares;
    }

    // Index of the first element greater than x (all elements ≤ x come before it).
    private static int UpperBound(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Bin of x: the number of edges strictly below x (numpy searchsorted side='left').</summary>
    public int BinIndex(double x)
    {
        int lo = 0, hi = _edges.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_edges[mid] < x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>PSI of <paramref name="current"/> against the reference: see <see cref="PopulationStability.FromShares"/>.</summary>
    public double Psi(ReadOnlySpan<double> current) => PopulationStability.FromShares(_referenceShares, Shares(current));
}
