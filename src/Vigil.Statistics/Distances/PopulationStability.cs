using Vigil.Statistics.Distances;
using Vigil.Statistics.Internal;

namespace Vigil.Statistics.Distances;

/// <summary>Population stability index (PSI) and category-aligned share comparisons.</summary>
public static class PopulationStability
{
    /// <summary>Share used in place of an empty bin before taking logarithms.</summary>
    public const double EmptyShare = 1e-4;

    /// <summary>
    /// PSI = Σ (cᵢ − rᵢ)·ln(cᵢ/rᵢ) over aligned bin shares, after replacing shares equal to 0 by 1e-4 (nats, ≥ 0 for
    /// share vectors summing to 1).
    /// </summary>
    public static double FromShares(ReadOnlySpan<double> referenceShares, ReadOnlySpan<double> currentShares)
    {
        Guard.SameLength(referenceShares, currentShares, nameof(referenceShares), nameof(currentShares));
        double psi = 0;
        for (var i = 0; i < referenceShares.Length; i++)
        {
            var r = referenceShares[i] == 0 ? EmptyShare : referenceShares[i];
            var c = currentShares[i] == 0 ? EmptyShare : currentShares[i];
            psi += (c - r) * Math.Log(c / r);
        }

        return psi;
    }

    /// <summary>
    /// Categorical PSI from counts aligned on the union of categories (a category missing on one side has count 0):
    /// shares = counts / total per side, then <see cref="FromShares"/>.
    /// </summary>
    public static double FromCounts(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts) =>
        FromShares(ToShares(referenceCounts, nameof(referenceCounts)), ToShares(currentCounts, nameof(currentCounts)));

    /// <summary>Jensen–Shannon distance in base 2 of count (or share) vectors aligned on the union of categories.</summary>
    public static double JensenShannonFromCounts(ReadOnlySpan<double> referenceCounts, ReadOnlySpan<double> currentCounts) =>
        Divergences.JensenShannonDistance(referenceCounts, currentCounts, 2.0);

    /// <summary>counts / Σ counts. Throws when the total is not positive.</summary>
    public static double[] ToShares(ReadOnlySpan<double> counts, string name = "counts")
    {
        Guard.NotEmpty(counts, name);
        double total = 0;
        foreach (var c in counts)
        {
            total += c;
        }

        if (!(total > 0))
        {
            throw new ArgumentException("Counts must have a positive total.", name);
        }

        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            shares[i] = counts[i] / total;
        }

        return shares;
    }
}
