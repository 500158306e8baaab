using Vigil.Statistics.Internal;

namespace Vigil.Statistics.MultipleTesting;

/// <summary>p-value adjustments equal to statsmodels.stats.multitest.multipletests (0.13).</summary>
public static class Corrections
{
    /// <summary>
    /// Bonferroni: adj = min(1, m·p), reject p ≤ α/m. Holm: sorted ascending, adj₍ᵢ₎ = max_{j≤i} (m − j + 1)·p₍ⱼ₎,
    /// reject the smallest p-values up to the first p₍ᵢ₎ &gt; α/(m − i + 1). BH: adj₍ᵢ₎ = min_{j≥i} m·p₍ⱼ₎/j, reject
    /// all up to the largest i with p₍ᵢ₎ ≤ i·α/m. BY: as BH with α and the factor divided by Σ_{k≤m} 1/k.
    /// All adjusted values are capped at 1. p-values must lie in [0, 1].
    /// </summary>
    public static MultipleTestingResult Adjust(ReadOnlySpan<double> pValues, CorrectionMethod method, double alpha = 0.05)
    {
        Guard.NotEmpty(pValues, nameof(pValues));
        foreach (var p in pValues)
        {
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentException("p-values must lie in [0, 1].", nameof(pValues));
            }
        }

        var m = pValues.Length;
        var adjusted = new double[m];
        var reject = new bool[m];
        if (method == CorrectionMethod.Bonferroni)
        {
            for (var i = 0; i < m; i++)
            {
                adjusted[i] = Math.Min(pValues[i] * m, 1.0);
                reject[i] = pValues[i] <= alpha / m;
            }

            return new MultipleTestingResult(adjusted, reject, method, alpha);
        }

        var sorted = pValues.ToArray();
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            order[i] = i;
        }

        Array.Sort(sorted, order);
        var adjSorted = new double[m];
        var rejSorted = new bool[m];
        if (method == CorrectionMethod.Holm)
        {
            var firstNotRejected = m;
            for (var i = 0; i < m; i++)
            {
                if (sorted[i] > alpha / (m - i))
                {
                    firstNotRejected = i;
                    break;
                }
            }

            double running = 0;
            for (var i = 0; i < m; i++)
            {
                rejSorted[i] = i < firstNotRejected;
                running = Math.Max(running, sorted[i] * (m - i));
                adjSorted[i] = Math.Min(running, 1.0);
            }
        }
        else
        {
            double cm = 1;
            if (method == CorrectionMethod.BenjaminiYekutieli)
            {
                cm = 0;
                for (var k = 1; k <= m; k++)
                {
                    cm += 1.0 / k;
                }
            }

            var lastRejected = -1;
            for (var i = 0; i < m; i++)
            {
                var factor = (i + 1.0) / m / cm;
                if (sorted[i] <= factor * alpha)
                {
                    lastRejected = i;
                }
            }

            var running = double.PositiveInfinity;
            for (var i = m - 1; i >= 0; i--)
            {
                var factor = (i + 1.0) / m / cm;
                running = Math.Min(running, sorted[i] / factor);
                adjSorted[i] = Math.Min(running, 1.0);
                rejSorted[i] = i <= lastRejected;
            }
        }

        for (var i = 0; i < m; i++)
        {
            adjusted[order[i]] = adjSorted[i];
            reject[order[i]] = rejSorted[i];
        }

        return new MultipleTestingResult(adjusted, reject, method, alpha);
    }
}
