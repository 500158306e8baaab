using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Monitoring.Reporting;

/// <summary>
/// The reference side of a column's histogram, from the profile's PSI bins or category counts. Check results do not
/// store the current window's bin shares, so <see cref="HistogramView.CurrentShares"/> stays empty until they do.
/// </summary>
internal static class ReferenceHistogram
{
    /// <summary>Categories shown before the rest is folded into one "other" bar, so wide categoricals stay readable.</summary>
    public const int MaxCategories = 20;

    public static HistogramView? Of(ColumnProfile column)
    {
        if (column.ComparedAsCategorical)
        {
            return column.Categories is { Count: > 0 } categories ? Categorical(categories) : null;
        }

        return column.Histogram is { Count: > 0 } bins ? Numeric(bins, column.Kind == ColumnKind.DateTime) : null;
    }

    private static HistogramView? Numeric(IReadOnlyList<HistogramBin> bins, bool dates)
    {
        double total = bins.Sum(b => b.Count);
        if (total <= 0)
        {
            return null;
        }

        // The first bin also holds its lower edge (the minimum), hence the closed bracket.
        return new HistogramView
        {
            BinLabels = bins.Select((b, i) => (i == 0 ? "[" : "(") + Edge(b.Lower, dates) + ", " + Edge(b.Upper, dates) + "]").ToArray(),
            ReferenceShares = bins.Select(b => b.Count / total).ToArray(),
        };
    }

    private static HistogramView? Categorical(IReadOnlyDictionary<string, long> categories)
    {
        double total = categories.Values.Sum();
        if (total <= 0)
        {
            return null;
        }

        var ordered = categories.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        var shown = ordered.Length > MaxCategories ? ordered.Take(MaxCategories - 1).ToArray() : ordered;
        var labels = shown.Select(kv => kv.Key).ToList();
        var shares = shown.Select(kv => kv.Value / total).ToList();
        if (shown.Length < ordered.Length)
        {
            var rest = ordered.Skip(shown.Length).ToArray();
            labels.Add(string.Format(CultureInfo.InvariantCulture, "(other {0})", rest.Length));
            shares.Add(rest.Sum(kv => kv.Value) / total);
        }

        return new HistogramView { BinLabels = labels, ReferenceShares = shares };
    }

    // Date-time columns are profiled as seconds since the Unix epoch; show them as dates.
    private static string Edge(double value, bool dates) =>
        dates && double.IsFinite(value) && Math.Abs(value) < 2e11
            ? DateTime.UnixEpoch.AddSeconds(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : value.ToString("G4", CultureInfo.InvariantCulture);
}
