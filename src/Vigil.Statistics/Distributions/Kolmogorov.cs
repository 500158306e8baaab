namespace Vigil.Statistics.Distributions;

/// <summary>
/// Distribution of the two-sided one-sample Kolmogorov statistic D_n for finite n (SciPy's kstwo), following the
/// algorithm selection of Simard &amp; L'Ecuyer (2011) used by SciPy 1.10: Ruben–Gambino closed forms at the extremes,
/// 2·Smirnov in the upper tail, the Durbin matrix (Marsaglia–Tsang–Wang) or Pomeranz recursion for moderate n·x², and
/// the Pelz–Good asymptotic expansion for large n. Cost is bounded for any n (at most O(n) for the Smirnov sum).
/// </summary>
public static class Kolmogorov
{
    /// <summary>
    /// P(D_n ≥ x) (= scipy.stats.kstwo.sf(x, n)). n must be a positive integer value; otherwise NaN
    /// (so n = 0 gives NaN, as SciPy). x ≤ 0 gives 1, x ≥ 1 gives 0.
    /// </summary>
    public static double Sf(double x, double n) => Evaluate(x, n, cdf: false);

    /// <summary>P(D_n ≤ x) (= scipy.stats.kstwo.cdf(x, n)); same conventions as <see cref="Sf"/>.</summary>
    public static double Cdf(double x, double n) => Evaluate(x, n, cdf: true);

    private static double Select(double cdfProb, double sfProb, bool cdf) => Math.Clamp(cdf ? cdfProb : sfProb, 0.0, 1.0);

    private static double Evaluate(double x, double nValue, bool cdf)
    {
        if (double.IsNaN(x) || double.IsNaN(nValue) || nValue != Math.Floor(nValue) || nValue <= 0 || nValue > int.MaxValue)
        {
            return double.NaN;
        }

        var n = (int)nValue;
        if (x >= 1.0)
        {
            return Select(1.0, 0.0, cdf);
        }

        if (x <= 0.0)
        {
            return Select(0.0, 1.0, cdf);
        }

        var t = n * x;
        if (t <= 1.0)
        {
            // Ruben–Gambino: 1/(2n) ≤ x ≤ 1/n.
            if (t <= 0.5)
            {
                return Select(0.0, 1.0, cdf);
            }

            double prob;
            if (n <= 140)
            {
                prob = 1.0;
                var factor = (2 * t) - 1;
                for (var i = 1; i <= n; i++)
                {
                    prob *= i * (1.0 / n) * factor;
                }
            }
            else
            {
                prob = Math.Exp(LogNFactorialOverNPowN(n) + (n * Math.Log((2 * t) - 1)));
            }

            return Select(prob, 1.0 - prob, cdf);
        }

        if (t >= n - 1)
        {
            var prob = 2 * Math.Pow(1.0 - x, n);
            return Select(1 - prob, prob, cdf);
        }

        if (x >= 0.5)
        {
            var prob = 2 * Smirnov.Sf(n, x);
            return Select(1.0 - prob, prob, cdf);
        }

        var nxSquared = t * x;
        if (n <= 140)
        {
            if (nxSquared <= 0.754693)
            {
                var prob = DurbinMatrix.Cdf(n, x);
                return Select(prob, 1.0 - prob, cdf);
            }

            if (nxSquared <= 4)
            {
                var prob = Pomeranz.Cdf(n, x);
                return Select(prob, 1.0 - prob, cdf);
            }

            var sf = 2 * Smirnov.Sf(n, x);
            return Select(1.0 - sf, sf, cdf);
        }

        if (!cdf)
        {
            if (nxSquared >= 370.0)
            {
                return 0.0;
            }

            if (nxSquared >= 2.2)
            {
                return Math.Clamp(2 * Smirnov.Sf(n, x), 0.0, 1.0);
            }
        }

        double cdfProb;
        if (nxSquared >= 18.0)
        {
            cdfProb = 1.0;
        }
        else if (n <= 100000 && n * Math.Pow(x, 1.5) <= 1.4)
        {
            cdfProb = DurbinMatrix.Cdf(n, x);
        }
        else
        {
            cdfProb = PelzGood.Cdf(n, x);
        }

        return Select(cdfProb, 1.0 - cdfProb, cdf);
    }

    // Stirling coefficients B_{2j}/(2j(2j−1)), j = 8..1 (highest first, Horner order).
    private static readonly double[] StirlingCoefficients =
    [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ];

    /// <summary>log(n!/nⁿ) via Stirling with n·log n removed up front (no cancellation).</summary>
    internal static double LogNFactorialOverNPowN(double n)
    {
        var rn = 1.0 / n;
        var z = rn / n;
        double poly = 0;
        foreach (var c in StirlingCoefficients)
        {
            poly = (poly * z) + c;
        }

        return (Math.Log(n) / 2) - n + (Math.Log(2 * Math.PI) / 2) + (rn * poly);
    }
}
