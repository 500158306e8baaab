using Vigil.Statistics.Distributions;
using Vigil.Statistics.Internal;

namespace Vigil.Statistics.TwoSample;

/// <summary>
/// Two-sample Cramér–von Mises test reproducing scipy.stats.cramervonmises_2samp (SciPy 1.10): the statistic T from
/// the midranks of the pooled sample (ties allowed), the exact p-value for small samples and the asymptotic one
/// (Anderson 1962's normalisation against the limiting distribution) otherwise.
/// </summary>
public static class CramerVonMises
{
    /// <summary>Auto uses the exact p-value iff max(n, m) is at most this (SciPy's rule).</summary>
    public const int MaxAutoExactN = 20;

    /// <summary>
    /// Test on two samples sorted ascending without NaN, each with at least two values (SciPy's requirement).
    /// U = n·Σ(r_i − i)² + m·Σ(s_j − j)² over the midranks r (first sample) and s (second) in the pooled sample,
    /// summed exactly in integers; T = U/(n·m·N) − (4·n·m − 1)/(6·N). Exact: the share of the C(N, n) equally likely
    /// splits whose U is at least the observed one. Asymptotic: T normalised by its exact null mean and variance, then
    /// 1 − the limiting one-sample CDF (1 when the normalised value is below 0.003, as SciPy does).
    /// </summary>
    public static CramerVonMisesResult TwoSample(ReadOnlySpan<double> sortedX, ReadOnlySpan<double> sortedY,
        CramerVonMisesMethod method = CramerVonMisesMethod.Auto)
    {
        Guard.NoNaN(sortedX, nameof(sortedX));
        Guard.NoNaN(sortedY, nameof(sortedY));
        if (sortedX.Length < 2 || sortedY.Length < 2)
        {
            throw new ArgumentException("The Cramér–von Mises two-sample test needs at least two values in each sample.",
                sortedX.Length < 2 ? nameof(sortedX) : nameof(sortedY));
        }

        long nx = sortedX.Length, ny = sortedY.Length;
        var mode = method == CramerVonMisesMethod.Auto
            ? (Math.Max(nx, ny) > MaxAutoExactN ? CramerVonMisesMethod.Asymptotic : CramerVonMisesMethod.Exact)
            : method;
        var u = RankStatistic(sortedX, sortedY);
        long k = nx * ny, total = nx + ny;
        var t = (u / (double)(k * total)) - ((double)((4 * k) - 1) / (6 * total));
        if (mode == CramerVonMisesMethod.Exact)
        {
            return new CramerVonMisesResult(t, CramerVonMisesExact.PValue(u, (int)nx, (int)ny), mode);
        }

        // Exact null mean and variance of T (Anderson 1962, eqs. 11 and 14), in integers where SciPy has them so.
        var et = (1 + (1.0 / total)) / 6;
        var varianceNumerator = (Int128)(total + 1) * ((4 * (Int128)k * total) - (3 * ((Int128)(nx * nx) + (ny * ny))) - (2 * (Int128)k));
        var varianceDenominator = 45 * (Int128)total * total * 4 * k;
        var vt = (double)varianceNumerator / (double)varianceDenominator;
        var tn = (1.0 / 6) + ((t - et) / Math.Sqrt(45 * vt));
        var p = tn < 0.003 ? 1.0 : Math.Max(0, 1.0 - CramerVonMisesLimit.Cdf(tn));
        return new CramerVonMisesResult(t, p, mode);
    }

    // U from the pooled midranks. Twice a midrank is an integer, so U·4 is summed exactly in 128-bit integers.
    private static double RankStatistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Int128 sumX = 0, sumY = 0;
        int i = 0, j = 0;
        while (i < x.Length || j < y.Length)
        {
            var z = i < x.Length ? (j < y.Length ? Math.Min(x[i], y[j]) : x[i]) : y[j];
            int i0 = i, j0 = j;
            while (i < x.Length && x[i] == z)
            {
                i++;
            }

            while (j < y.Length && y[j] == z)
            {
                j++;
            }

            // 2·midrank = 2·(values below) + (tied count) + 1.
            long twiceRank = (2L * (i0 + j0)) + (i - i0) + (j - j0) + 1;
            for (var a = i0; a < i; a++)
            {
                var gap = twiceRank - (2L * (a + 1));
                sumX += (Int128)gap * gap;
            }

            for (var b = j0; b < j; b++)
            {
                var gap = twiceRank - (2L * (b + 1));
                sumY += (Int128)gap * gap;
            }
        }

        return (double)((x.Length * sumX) + (y.Length * sumY)) / 4;
    }
}
