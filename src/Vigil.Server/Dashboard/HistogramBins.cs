using System.Globalization;
using Vigil.Monitoring.Drift;

namespace Vigil.Server.Dashboard;

/// <summary>
/// Bin labels for a stored <see cref="DriftHistogram"/>: numeric bins as intervals between the reference-quantile edges,
/// categorical bins by category, widest first, with a long tail folded into one bar.
/// </summary>
internal static class HistogramBins
{
    private const int MaxCategories = 20;

    public static (IReadOnlyList<string> Labels, IReadOnlyList<double> Reference, IReadOnlyList<double> Current)? Of(DriftHistogram? h)
    {
        if (h is null || h.ReferenceShares.Count == 0 || h.ReferenceShares.Count != h.CurrentShares.Count)
        {
            return null;
        }

        if (h.Categories.Count == h.ReferenceShares.Count)
        {
            return Categorical(h);
        }

        // k interior edges give k + 1 bins: (-inf, e1], (e1, e2], ..., (ek, inf).
        var edges = h.Edges;
        if (edges.Count + 1 != h.ReferenceShares.Count)
        {
            return null;
        }

        var labels = Enumerable.Range(0, edges.Count + 1).Select(i =>
            i == 0 ? "≤ " + F(edges[0]) : i == edges.Count ? "> " + F(edges[^1]) : "(" + F(edges[i - 1]) + ", " + F(edges[i]) + "]").ToArray();
        return (labels, h.ReferenceShares, h.CurrentShares);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<double>, IReadOnlyList<double>) Categorical(DriftHistogram h)
    {
        var order = Enumerable.Range(0, h.Categories.Count)
            .OrderByDescending(i => Math.Max(h.ReferenceShares[i], h.CurrentShares[i]))
            .ThenBy(i => h.Categories[i], StringComparer.Ordinal).ToArray();
        var shown = order.Length > MaxCategories ? order[..(MaxCategories - 1)] : order;
        var labels = shown.Select(i => h.Categories[i]).ToList();
        var reference = shown.Select(i => h.ReferenceShares[i]).ToList();
        var current = shown.Select(i => h.CurrentShares[i]).ToList();
        if (shown.Length < order.Length)
        {
            var rest = order[shown.Length..];
            labels.Add("(" + rest.Length.ToString(CultureInfo.InvariantCulture) + " others)");
            reference.Add(rest.Sum(i => h.ReferenceShares[i]));
            current.Add(rest.Sum(i => h.CurrentShares[i]));
        }

        return (labels, reference, current);
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
