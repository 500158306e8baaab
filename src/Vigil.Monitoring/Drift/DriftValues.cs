using Vigil.Data.Tables;
using Vigil.Statistics.Sorting;

namespace Vigil.Monitoring.Drift;

/// <summary>Turns columns into the values the drift tests read.</summary>
internal static class DriftValues
{
    /// <summary>Date-times as seconds since the Unix epoch; missing as NaN.</summary>
    public static double[] Numbers(DateTimeColumn column)
    {
        var values = new double[column.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = column[i] is { } t ? (t - DateTime.UnixEpoch).TotalSeconds : double.NaN;
        }

        return values;
    }

    /// <summary>Numeric view of a numeric or date-time column.</summary>
    public static ReadOnlySpan<double> Numbers(Column column) => column switch
    {
        NumericColumn n => n.Values,
        DateTimeColumn d => Numbers(d),
        _ => throw new ArgumentException($"Column '{column.Name}' is not numeric.", nameof(column)),
    };

    /// <summary>
    /// Sorted finite values and the count of the others. NaN is missing; ±Infinity is dropped with it because no
    /// distance or CDF comparison is defined for it (the quality check reports non-finite values separately).
    /// </summary>
    public static (double[] Sorted, int Missing) SortedFinite(ReadOnlySpan<double> values)
    {
        var kept = new double[values.Length];
        var n = 0;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                kept[n++] = v;
            }
        }

        Array.Resize(ref kept, n);
        DoubleSort.Sort(kept);
        return (kept, values.Length - n);
    }

    /// <summary>Counts of each category text over non-missing cells, and the missing count.</summary>
    public static (Dictionary<string, long> Counts, int Missing) CategoryCounts(Column column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var missing = 0;
        if (column is CategoricalColumn c)
        {
            var perCode = c.CategoryCounts();
            for (var code = 0; code < perCode.Length; code++)
            {
                if (perCode[code] > 0)
                {
                    counts[c.Categories[code]] = counts.GetValueOrDefault(c.Categories[code]) + perCode[code];
                }
            }

            missing = c.Length - perCode.Sum();
            return (counts, missing);
        }

        for (var i = 0; i < column.Length; i++)
        {
            var text = column.FormatCell(i);
            if (text is null)
            {
                missing++;
            }
            else
            {
                counts[text] = counts.GetValueOrDefault(text) + 1;
            }
        }

        return (counts, missing);
    }
}
