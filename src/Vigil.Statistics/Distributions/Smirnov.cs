using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Distributions;

/// <summary>
/// One-sided Kolmogorov–Smirnov (Smirnov) distribution: P(D⁺_n ≥ x) by the Birnbaum–Tingey sum
/// Σ_{v=0}^{⌊n(1−x)⌋} C(n,v)·x·(x + v/n)^(v−1)·(1 − x − v/n)^(n−v). Each term is evaluated in log space with the
/// binomial written through Stirling-error corrections and log1p, so relative accuracy is near 1e-13 for any n;
/// the all-positive sum is cut once terms past the peak fall below 1e-18 of the largest.
/// </summary>
internal static class Smirnov
{
    private static readonly double[] StirlingErrorTable = BuildTable();
    private static readonly double HalfLog2Pi = 0.5 * Math.Log(2 * Math.PI);

    public static double Sf(int n, double x)
    {
        if (double.IsNaN(x) || n <= 0)
        {
            return double.NaN;
        }

        if (x <= 0)
        {
            return 1.0;
        }

        if (x >= 1)
        {
            return 0.0;
        }

        var nn = (int)Math.Floor(n * (1.0 - x));
        double nd = n;
        var logX = Math.Log(x);
        var seN = StirlingError(nd);
        var sum = Math.Pow(1.0 - x, n); // v = 0 term
        var maxLog = sum > 0 ? Math.Log(sum) : double.NegativeInfinity;
        var previous = maxLog;
        for (var v = 1; v <= nn; v++)
        {
            double vd = v, rest = n - v;
            var p = vd / nd;
            var q = rest / nd;
            if (q - x <= 0)
            {
                break;
            }

            var logTerm = (vd * NumericMath.Log1P(x / p)) + (rest * NumericMath.Log1P(-x / q)) - Math.Log(x + p) + logX
                + (0.5 * Math.Log(nd / (vd * rest))) - HalfLog2Pi + seN - StirlingError(vd) - StirlingError(rest);
            sum += Math.Exp(logTerm);
            if (logTerm > maxLog)
            {
                maxLog = logTerm;
            }
            else if (logTerm < previous && logTerm < maxLog - 41.5)
            {
                break; // past the (single) peak and negligible
            }

            previous = logTerm;
        }

        return Math.Min(sum, 1.0);
    }

    /// <summary>log(k!) − [(k + ½)·log k − k + ½·log 2π], the error of Stirling's formula.</summary>
    internal static double StirlingError(double k)
    {
        if (k <= 15)
        {
            return StirlingErrorTable[(int)k];
        }

        var r = 1.0 / k;
        var r2 = r * r;
        return r * ((1.0 / 12) - (r2 * ((1.0 / 360) - (r2 * ((1.0 / 1260) - (r2 * ((1.0 / 1680) - (r2 / 1188))))))));
    }

    private static double[] BuildTable()
    {
        var table = new double[16];
        double factorial = 1;
        for (var k = 1; k <= 15; k++)
        {
            factorial *= k; // exact below 2^53
            table[k] = Math.Log(factorial) - (((k + 0.5) * Math.Log(k)) - k + (0.5 * Math.Log(2 * Math.PI)));
        }

        return table;
    }
}
