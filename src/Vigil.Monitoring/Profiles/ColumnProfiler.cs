using Vigil.Data.Tables;
using Vigil.Statistics.Distances;
using Vigil.Statistics.Sorting;

namespace Vigil.Monitoring.Profiles;

/// <summary>Builds one <see cref="ColumnProfile"/> from a training column.</summary>
internal static class ColumnProfiler
{
    public static ColumnProfile Build(Column column, int index, bool isLabel, bool asCategorical, ReferenceProfileOptions options)
    {
        var profile = new ColumnProfile
        {
            Name = column.Name,
            Kind = column.Kind,
            IsLabel = isLabel,
            Count = column.Length,
            ComparedAsCategorical = asCategorical || column.Kind is ColumnKind.Categorical or ColumnKind.Boolean,
        };
        return profile.ComparedAsCategorical ? Categorical(profile, column) : Numeric(profile, column, index, options);
    }

    /// <summary>Numbers of a numeric or date-time column (date-times in seconds since the Unix epoch; missing NaN).</summary>
    public static double[] Numbers(Column column)
    {
        switch (column)
        {
            case NumericColumn n:
                return n.Values.ToArray();
            case DateTimeColumn d:
                var values = new double[d.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = d[i] is { } t ? (t - DateTime.UnixEpoch).TotalSeconds : double.NaN;
                }

                return values;
            default:
                throw new ArgumentException($"Column '{column.Name}' is not numeric.", nameof(column));
        }
    }

    private static ColumnProfile Categorical(ColumnProfile profile, Column column)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var missing = 0;
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

        return profile with
        {
            Missing = missing,
            MissingShare = column.Length == 0 ? 0 : (double)missing / column.Length,
            Valid = column.Length - missing,
            Categories = new SortedDictionary<string, long>(counts, StringComparer.Ordinal),
        };
    }

    private static ColumnProfile Numeric(ColumnProfile profile, Column column, int index, ReferenceProfileOptions options)
    {
        var values = Numbers(column);
        var finite = new double[values.Length];
        int n = 0, missing = 0, nonFinite = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                missing++;
            }
            else if (double.IsInfinity(v))
            {
                nonFinite++;
            }
            else
            {
                finite[n++] = v;
            }
        }

        Array.Resize(ref finite, n);
        DoubleSort.Sort(finite);
        profile = profile with
        {
            Missing = missing,
            MissingShare = values.Length == 0 ? 0 : (double)missing / values.Length,
            NonFinite = nonFinite,
            Valid = n,
        };
        if (n == 0)
        {
            return profile with { Sample = [], Quantiles = [], Histogram = [] };
        }

        double sum = 0;
        foreach (var v in finite)
        {
            sum += v;
        }

        var mean = sum / n;
        double squares = 0;
        foreach (var v in finite)
        {
            squares += (v - mean) * (v - mean);
        }

        var (sample, subsampled) = Sample(finite, options.SampleCap, options.Seed + (7919 * index));
        return profile with
        {
            Mean = mean,
            Std = n > 1 ? Math.Sqrt(squares / (n - 1)) : null,
            Min = finite[0],
            Max = finite[^1],
            Quantiles = options.QuantileLevels.Select(q => new QuantileValue(q, Vigil.Statistics.Descriptive.Quantile.Linear(finite, q))).ToArray(),
            Histogram = Histogram(finite, options.HistogramBins),
            Sample = sample,
            SampleIsSubsample = subsampled,
        };
    }

    private static (double[] Sample, bool Subsampled) Sample(double[] sorted, int cap, int seed)
    {
        if (sorted.Length <= cap)
        {
            return (sorted, false);
        }

        // Partial Fisher–Yates over indices: a uniform sample without replacement, reproducible for the seed.
        var random = new Random(seed);
        var indices = TaskMetricsRows(sorted.Length);
        for (var i = 0; i < cap; i++)
        {
            var j = i + random.Next(sorted.Length - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var sample = new double[cap];
        for (var i = 0; i < cap; i++)
        {
            sample[i] = sorted[indices[i]];
        }

        DoubleSort.Sort(sample);
        return (sample, true);
    }

    private static int[] TaskMetricsRows(int n) => Checks.TaskMetrics.AllRows(n);

    private static HistogramBin[] Histogram(double[] sorted, int bins)
    {
        var binning = PsiBinning.FromSortedReference(sorted, bins);
        var edges = binning.Edges;
        var shares = binning.ReferenceShares;
        var result = new HistogramBin[binning.BinCount];
        for (var b = 0; b < result.Length; b++)
        {
            var lower = b == 0 ? sorted[0] : edges[b - 1];
            var upper = b == result.Length - 1 ? sorted[^1] : edges[b];
            result[b] = new HistogramBin(lower, upper, (long)Math.Round(shares[b] * sorted.Length));
        }

        return result;
    }
}
