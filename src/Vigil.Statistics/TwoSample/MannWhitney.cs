using Vigil.Statistics.Internal;

namespace Vigil.Statistics.TwoSample;

/// <summary>
/// The Mann–Whitney U test by its normal approximation with the tie correction, equal to SciPy 1.10's
/// <c>mannwhitneyu(x, y, alternative, use_continuity, method="asymptotic")</c>. Its U over n₁·n₂ is the ROC AUC of
/// x against y, which is how the domain classifier tests its out-of-fold scores.
/// </summary>
public static class MannWhitney
{
    /// <summary>
    /// U₁ = R₁ − n₁(n₁ + 1)/2 from the pooled midranks; the side's U is U₁ (greater), n₁n₂ − U₁ (less) or the larger
    /// (two-sided, p doubled); z = (U − n₁n₂/2 − ½)/σ with σ² = n₁n₂/12 · ((n + 1) − Σ(t³ − t)/(n(n − 1))) over tie
    /// groups t (the −½ only with <paramref name="continuity"/>); p = P(Z ≥ z), clipped to [0, 1]. When every value is
    /// tied σ = 0 and p = 1, as in SciPy. Throws on empty input or NaN.
    /// </summary>
    public static MannWhitneyResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y,
        MannWhitneyAlternative alternative = MannWhitneyAlternative.TwoSided, bool continuity = true)
    {
        Guard.NotEmpty(x, nameof(x));
        Guard.NotEmpty(y, nameof(y));
        Guard.NoNaN(x, nameof(x));
        Guard.NoNaN(y, nameof(y));
        double n1 = x.Length, n2 = y.Length;
        var n = x.Length + y.Length;
        var values = new double[n];
        var first = new bool[n];
        x.CopyTo(values);
        y.CopyTo(values.AsSpan(x.Length));
        first.AsSpan(0, x.Length).Fill(true);
        Array.Sort(values, first);

        // Midranks: a tie group at sorted positions [i, j) shares rank (i + j + 1)/2 (ranks start at 1).
        double rankSum = 0, tieTerm = 0;
        for (var i = 0; i < n;)
        {
            var j = i + 1;
            while (j < n && values[j] == values[i])
            {
                j++;
            }

            var rank = (i + j + 1) / 2.0;
            for (var k = i; k < j; k++)
            {
                if (first[k])
                {
                    rankSum += rank;
                }
            }

            double t = j - i;
            tieTerm += (t * t * t) - t;
            i = j;
        }

        var u1 = rankSum - (n1 * (n1 + 1) / 2);
        var (u, factor) = alternative switch
        {
            MannWhitneyAlternative.Greater => (u1, 1.0),
            MannWhitneyAlternative.Less => ((n1 * n2) - u1, 1.0),
            _ => (Math.Max(u1, (n1 * n2) - u1), 2.0),
        };
        var sigma = Math.Sqrt(n1 * n2 / 12 * ((n + 1) - (tieTerm / ((double)n * (n - 1)))));
        var numerator = u - (n1 * n2 / 2) - (continuity ? 0.5 : 0);
        var z = numerator / sigma;
        var p = Math.Clamp(factor * 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2)), 0, 1);
        return new MannWhitneyResult(u1, u1 / (n1 * n2), z, double.IsNaN(p) ? 1 : p);
    }
}
