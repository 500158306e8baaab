namespace Vigil.Statistics.TwoSample;

/// <summary>Two-proportion z-test with the pooled standard error.</summary>
public static class TwoProportionZTest
{
    /// <summary>
    /// z = (p₁ − p₂)/sqrt(p̂(1 − p̂)(1/n₁ + 1/n₂)) with p̂ = (x₁ + x₂)/(n₁ + n₂); two-sided p = 2·Φ(−|z|) = erfc(|z|/√2).
    /// When the pooled variance is 0 (both proportions 0 or both 1) returns z = 0, p = 1.
    /// </summary>
    public static (double Z, double PValue) Test(long successes1, long n1, long successes2, long n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            throw new ArgumentException("Sample sizes must be positive.", n1 <= 0 ? nameof(n1) : nameof(n2));
        }

        if (successes1 < 0 || successes1 > n1 || successes2 < 0 || successes2 > n2)
        {
            throw new ArgumentException("Successes must lie in [0, n].", successes1 < 0 || successes1 > n1 ? nameof(successes1) : nameof(successes2));
        }

        double p1 = (double)successes1 / n1, p2 = (double)successes2 / n2;
        var pooled = (double)(successes1 + successes2) / (n1 + n2);
        var variance = pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2));
        if (variance <= 0)
        {
            return (0.0, 1.0);
        }

        var z = (p1 - p2) / Math.Sqrt(variance);
        return (z, MathNet.Numerics.SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
    }
}
