using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Distances;

/// <summary>
/// Distances between two discrete distributions given as aligned non-negative vectors (counts or shares). Each vector
/// is first divided by its own sum, as SciPy does; a zero-sum vector throws <see cref="ArgumentException"/>.
/// </summary>
public static class Divergences
{
    /// <summary>
    /// Jensen–Shannon distance sqrt(JSD) with JSD = ½·KL(p‖m) + ½·KL(q‖m), m = (p + q)/2, logarithms in
    /// <paramref name="logBase"/> (e by default; 2 gives a distance in [0, 1]) (= scipy.spatial.distance.jensenshannon).
    /// </summary>
    public static double JensenShannonDistance(ReadOnlySpan<double> p, ReadOnlySpan<double> q, double logBase = Math.E)
    {
        var (pn, qn) = Normalize(p, q);
        double sum = 0;
        for (var i = 0; i < pn.Length; i++)
        {
            var m = (pn[i] + qn[i]) / 2;
            sum += RelativeEntropy(pn[i], m) + RelativeEntropy(qn[i], m);
        }

        if (logBase != Math.E)
        {
            sum /= Math.Log(logBase);
        }

        return Math.Sqrt(Math.Max(sum / 2, 0));
    }

    /// <summary>
    /// Kullback–Leibler divergence KL(p‖q) = Σ pᵢ·ln(pᵢ/qᵢ) in nats (= scipy.stats.entropy(p, q)); +∞ when some
    /// qᵢ = 0 &lt; pᵢ.
    /// </summary>
    public static double KullbackLeibler(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var (pn, qn) = Normalize(p, q);
        double sum = 0;
        for (var i = 0; i < pn.Length; i++)
        {
            sum += RelativeEntropy(pn[i], qn[i]);
        }

        return sum;
    }

    /// <summary>Hellinger distance sqrt(½·Σ(√pᵢ − √qᵢ)²) in [0, 1].</summary>
    public static double Hellinger(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        var (pn, qn) = Normalize(p, q);
        double sum = 0;
        for (var i = 0; i < pn.Length; i++)
        {
            var d = Math.Sqrt(pn[i]) - Math.Sqrt(qn[i]);
            sum += d * d;
        }

        return Math.Sqrt(sum / 2);
    }

    /// <summary>scipy.special.rel_entr: x·ln(x/y) for x, y &gt; 0; 0 for x = 0, y ≥ 0; +∞ otherwise.</summary>
    internal static double RelativeEntropy(double x, double y)
    {
        if (x > 0 && y > 0)
        {
            return x * Math.Log(x / y);
        }

        return x == 0 && y >= 0 ? 0 : double.PositiveInfinity;
    }

    private static (double[] P, double[] Q) Normalize(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        Guard.SameLength(p, q, nameof(p), nameof(q));
        return (Scale(p, nameof(p)), Scale(q, nameof(q)));
    }

    private static double[] Scale(ReadOnlySpan<double> v, string name)
    {
        double sum = 0;
        foreach (var x in v)
        {
            if (!(x >= 0) || double.IsInfinity(x))
            {
                throw new ArgumentException("Values must be finite and non-negative.", name);
            }

            sum += x;
        }

        if (!(sum > 0))
        {
            throw new ArgumentException("Values must have a positive sum.", name);
        }

        var result = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            result[i] = v[i] / sum;
        }

        return result;
    }
}
