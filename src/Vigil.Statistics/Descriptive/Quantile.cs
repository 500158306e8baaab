namespace Vigil.Statistics.Descriptive;

/// <summary>Sample quantiles.</summary>
public static class Quantile
{
    /// <summary>
    /// numpy.quantile(sorted, q) with its default 'linear' method (type 7), including numpy's two-sided
    /// interpolation for accuracy near the upper value. <paramref name="sorted"/> must be ascending, non-empty, without NaN.
    /// </summary>
    public static double Linear(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("The sample is empty.", nameof(sorted));
        }

        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile level must be in [0, 1].");
        }

        var virtualIndex = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(virtualIndex);
        if (lo >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        var t = virtualIndex - lo;
        double a = sorted[lo], b = sorted[lo + 1];
        var diff = b - a;
        return t >= 0.5 ? b - (diff * (1 - t)) : a + (diff * t);
    }
}
