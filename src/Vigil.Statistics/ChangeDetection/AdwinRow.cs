namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// One row of ADWIN's exponential histogram: up to <c>maxBuckets + 1</c> buckets of 2^row values each, oldest first,
/// each holding the sum and the variance sum of its values.
/// </summary>
internal sealed class AdwinRow
{
    private readonly double[] _totals;
    private readonly double[] _variances;

    public AdwinRow(int maxBuckets)
    {
        _totals = new double[maxBuckets + 1];
        _variances = new double[maxBuckets + 1];
    }

    public int Count { get; private set; }

    public double Total(int k) => _totals[k];

    public double Variance(int k) => _variances[k];

    /// <summary>Appends the newest bucket of this row.</summary>
    public void Add(double total, double variance)
    {
        _totals[Count] = total;
        _variances[Count] = variance;
        Count++;
    }

    /// <summary>Drops the <paramref name="n"/> oldest buckets.</summary>
    public void RemoveOldest(int n)
    {
        Array.Copy(_totals, n, _totals, 0, Count - n);
        Array.Copy(_variances, n, _variances, 0, Count - n);
        Array.Clear(_totals, Count - n, n);
        Array.Clear(_variances, Count - n, n);
        Count -= n;
    }
}
