using System.Globalization;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Reports.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// Both sides of a column's histogram from the bins its drift test used (stored with the check): the report's small
/// multiples and the dashboard's column page draw these same bins.
/// </summary>
internal static class ComparedHistogram
{
    public static HistogramView? Of(DriftHistogram? histogram)
    {
        if (histogram is null || histogram.ReferenceShares.Count == 0 || histogram.ReferenceShares.Count != histogram.CurrentShares.Count)
        {
            return null;
        }

        if (histogram.Categories.Count == histogram.ReferenceShares.Count)
        {
            return Categorical(histogram);
        }

        // k interior edges give k + 1 bins: (-inf, e1], (e1, e2], ..., (ek, inf); any other shape is not drawn.
        var edges = histogram.Edges;
        if (edges.Count == 0 || edges.Count + 1 != histogram.ReferenceShares.Count)
        {
            return null;
        }

        var labels = new string[edges.Count + 1];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = i == 0 ? "≤ " + F(edges[0])
                : i == edges.Count ? "> " + F(edges[^1])
                : "(" + F(edges[i - 1]) + ", " + F(edges[i]) + "]";
        }

        return new HistogramView { BinLabels = labels, ReferenceShares = histogram.ReferenceShares, CurrentShares = histogram.CurrentShares };
    }

    // Widest categories first (by the larger of the two shares); the tail folds into one bar so wide columns stay readable.
    private static HistogramView Categorical(DriftHistogram h)
    {
        var order = Enumerable.Range(0, h.Categories.Count)
            .OrderByDescending(i => Math.Max(h.ReferenceShares[i], h.CurrentShares[i]))
            .ThenBy(i => h.Categories[i], StringComparer.Ordinal).ToArray();
        var max = ReferenceHistogram.MaxCategories;
        var shown = order.Length > max ? order.Take(max - 1).ToArray() : order;
        var labels = shown.Select(i => h.Categories[i]).ToList();
        var reference = shown.Select(i => h.ReferenceShares[i]).ToList();
        var current = shown.Select(i => h.CurrentShares[i]).ToList();
        if (shown.Length < order.Length)
        {
            var rest = order.Skip(shown.Length).ToArray();
            labels.Add(string.Format(CultureInfo.InvariantCulture, "(other {0})", rest.Length));
            reference.Add(rest.Sum(i => h.ReferenceShares[i]));
            current.Add(rest.Sum(i => h.CurrentShares[i]));
        }

        return new HistogramView { BinLabels = labels, ReferenceShares = reference, CurrentShares = current };
    }

    private static string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
}
