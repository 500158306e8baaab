using MathNet.Numerics;

namespace Vigil.Statistics.Distributions;

/// <summary>
/// The limiting (n → ∞) distribution of the one-sample Cramér–von Mises statistic, as SciPy 1.10's
/// <c>_cdf_cvm_inf</c> evaluates it (Csörgő and Faraway 1996, eq. 1.2): a series of Bessel-K terms, summed until a
/// term falls below 1e-7. Not accurate far in the upper tail (x > 4), where the CDF is within rounding of 1.
/// </summary>
public static class CramerVonMisesLimit
{
    /// <summary>P(W² ≤ x) for the limiting distribution; 0 for x ≤ 0.</summary>
    public static double Cdf(double x)
    {
        if (!(x > 0))
        {
            return double.IsNaN(x) ? double.NaN : 0.0;
        }

        double total = 0;
        for (var k = 0; ; k++)
        {
            var term = Term(x, k);
            total += term;
            if (!(Math.Abs(term) >= 1e-7))
            {
                return total;
            }
        }
    }

    private static double Term(double x, int k)
    {
        var u = Math.Exp(SpecialFunctions.GammaLn(k + 0.5) - SpecialFunctions.GammaLn(k + 1)) / (Math.Pow(Math.PI, 1.5) * Math.Sqrt(x));
        double y = (4 * k) + 1;
        var q = y * y / (16 * x);
        // Beyond q ≈ 700, e^{-q}·K(q) underflows to 0 (SciPy's kv does too); skip the Bessel call there.
        return q > 700 ? 0.0 : u * Math.Sqrt(y) * Math.Exp(-q) * SpecialFunctions.BesselK(0.25, q);
    }
}
