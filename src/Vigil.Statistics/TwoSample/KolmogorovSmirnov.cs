using Vigil.Statistics.Distributions;
using Vigil.Statistics.Internal;

namespace Vigil.Statistics.TwoSample;

/// <summary>
/// Two-sided two-sample Kolmogorov–Smirnov test reproducing scipy.stats.ks_2samp (SciPy 1.10) for methods auto,
/// exact and asymp: statistic, p-value, statistic_location and statistic_sign.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>Auto uses the exact p-value iff max(n, m) is at most this (SciPy's MAX_AUTO_N).</summary>
    public const int MaxAutoExactN = 10000;

    /// <summary>
    /// Test on samples already sorted ascending (not checked beyond NaN; unsorted input gives wrong answers).
    /// D = max over all sample values v of |F_x(v) − F_y(v)| with right-continuous ECDFs. Exact p-value: proportion of
    /// lattice paths leaving the band (Hodges / Viehmann recursion; closed form when n = m), which ignores ties as SciPy
    /// does. Asymptotic p-value: kstwo.sf(D, round(n·m/(n + m))), the finite-n Kolmogorov distribution.
    /// Throws <see cref="ArgumentException"/> for empty samples or NaN values.
    /// </summary>
    public static KsResult TwoSample(ReadOnlySpan<double> sortedX, ReadOnlySpan<double> sortedY, KsMethod method = KsMethod.Auto)
    {
        Guard.NotEmpty(sortedX, nameof(sortedX));
        Guard.NotEmpty(sortedY, nameof(sortedY));
        Guard.NoNaN(sortedX, nameof(sortedX));
        Guard.NoNaN(sortedY, nameof(sortedY));
        var (d, location, sign) = Statistic(sortedX, sortedY);
        return FromStatistic(d, location, sign, sortedX.Length, sortedY.Length, method);
    }

    /// <summary>
    /// The p-value part of <see cref="TwoSample"/> for a statistic computed elsewhere (e.g. in a fused pass over two
    /// sorted samples): D = sup |F₁ − F₂| over the pooled values, with sample sizes n1 and n2. Same conventions as
    /// <see cref="TwoSample"/>, including the rounding of D to the lattice h / lcm(n1, n2) on the exact path.
    /// </summary>
    public static KsResult FromStatistic(double d, double location, int sign, long n1, long n2, KsMethod method = KsMethod.Auto)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n2, 1);
        if (!(d >= 0 && d <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "The KS statistic must be in [0, 1].");
        }

        var g = Gcd(n1, n2);
        long n1g = n1 / g, n2g = n2 / g;
        var mode = method;
        var fellBack = false;
        if (mode == KsMethod.Auto)
        {
            mode = Math.Max(n1, n2) <= MaxAutoExactN ? KsMethod.Exact : KsMethod.Asymptotic;
        }
        else if (mode == KsMethod.Exact && n1g >= int.MaxValue / (double)n2g)
        {
            mode = KsMethod.Asymptotic; // lcm too large for the lattice count
            fellBack = true;
        }

        var p = double.NaN;
        if (mode == KsMethod.Exact)
        {
            var lcm = n1g * n2;
            var h = (long)Math.Round(d * lcm, MidpointRounding.ToEven);
            d = (double)h / lcm;
            if (h == 0)
            {
                p = 1.0;
            }
            else
            {
                p = n1 == n2 ? KsExact.ProbOutsideSquare(n1, h) : KsExact.OuterProbInsideMethod(n1, n2, g, h);
                if (!(p >= 0 && p <= 1))
                {
                    mode = KsMethod.Asymptotic;
                    fellBack = true;
                }
            }
        }

        if (mode == KsMethod.Asymptotic)
        {
            double m = Math.Max(n1, n2), n = Math.Min(n1, n2);
            var en = Math.Round(m * n / (m + n), MidpointRounding.ToEven);
            p = Kolmogorov.Sf(d, en);
        }

        if (!double.IsNaN(p))
        {
            p = Math.Clamp(p, 0.0, 1.0);
        }

        return new KsResult(d, p, location, sign, mode, fellBack);
    }

    /// <summary>Same test on unsorted samples: sorts copies, then calls the sorted-input overload.</summary>
    public static KsResult TwoSampleUnsorted(ReadOnlySpan<double> x, ReadOnlySpan<double> y, KsMethod method = KsMethod.Auto)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.NotEmpty(y, nameof(y));
        Guard.NoNaN(x, nameof(x));
        Guard.NoNaN(y, nameof(y));
        var sx = x.ToArray();
        var sy = y.ToArray();
        Array.Sort(sx);
        Array.Sort(sy);
        return TwoSample(sx, sy, method);
    }

    /// <summary>
    /// D, its location and sign exactly as SciPy: cddiffs evaluated at data_all = concat(sorted x, sorted y), first argmax
    /// and first argmin; the negative side wins only when strictly larger.
    /// </summary>
    private static (double D, double Location, int Sign) Statistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double n1 = x.Length, n2 = y.Length;
        var maxDiff = double.NegativeInfinity;
        var minDiff = double.PositiveInfinity;
        double maxLoc = 0, minLoc = 0;
        Scan(x, x, y, n1, n2, ref maxDiff, ref minDiff, ref maxLoc, ref minLoc);
        Scan(y, x, y, n1, n2, ref maxDiff, ref minDiff, ref maxLoc, ref minLoc);
        var minS = Math.Clamp(-minDiff, 0.0, 1.0);
        return minS > maxDiff ? (minS, minLoc, -1) : (maxDiff, maxLoc, 1);
    }

    private static void Scan(
        ReadOnlySpan<double> values, ReadOnlySpan<double> x, ReadOnlySpan<double> y, double n1, double n2,
        ref double maxDiff, ref double minDiff, ref double maxLoc, ref double minLoc)
    {
        int ix = 0, iy = 0;
        for (var k = 0; k < values.Length; k++)
        {
            var v = values[k];
            while (ix < x.Length && x[ix] <= v)
            {
                ix++;
            }

            while (iy < y.Length && y[iy] <= v)
            {
                iy++;
            }

            var diff = (ix / n1) - (iy / n2);
            if (diff > maxDiff)
            {
                maxDiff = diff;
                maxLoc = v;
            }

            if (diff < minDiff)
            {
                minDiff = diff;
                minLoc = v;
            }
        }
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
