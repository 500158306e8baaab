using Vigil.Data.Tables;

namespace Vigil.Monitoring.Profiles;

/// <summary>
/// Whole training rows, a uniform sample without replacement (seeded) of at most
/// <see cref="ReferenceProfileOptions.RowSampleCap"/>, so that how features move <i>together</i> can be compared with a
/// window (multivariate drift). The per-column samples of <see cref="ColumnProfile"/> are sorted and of different lengths,
/// so they cannot be joined back into rows. Numeric, categorical and boolean features are kept; the label and date-time
/// features are not (multivariate drift does not use them). Profiles written before it existed have none.
/// </summary>
public sealed record ReferenceRowSample
{
    /// <summary>Rows kept.</summary>
    public int Rows { get; init; }

    /// <summary>True when the training table had more rows than were kept.</summary>
    public bool IsSubsample { get; init; }

    /// <summary>The kept features, row-aligned.</summary>
    public required IReadOnlyList<RowSampleColumn> Columns { get; init; }

    /// <summary>Samples <paramref name="training"/>'s feature rows (all of them when there are at most <paramref name="cap"/>).</summary>
    public static ReferenceRowSample Build(Table training, string? label, int cap, int seed)
    {
        ArgumentNullException.ThrowIfNull(training);
        var rows = SampleRows(training.RowCount, cap, seed);
        var columns = new List<RowSampleColumn>();
        foreach (var column in training.Columns)
        {
            if (string.Equals(column.Name, label, StringComparison.Ordinal) || column.Kind == ColumnKind.DateTime)
            {
                continue;
            }

            columns.Add(Sampled(column, rows));
        }

        return new ReferenceRowSample { Rows = rows.Length, IsSubsample = rows.Length < training.RowCount, Columns = columns };
    }

    /// <summary>The sample as a table (numeric and categorical columns).</summary>
    public Table ToTable() => new(Columns.Select(c => c.ToColumn(Rows)));

    /// <summary>Row indices in ascending order: all rows, or a partial Fisher–Yates sample of <paramref name="cap"/>.</summary>
    internal static int[] SampleRows(int count, int cap, int seed)
    {
        var indices = Enumerable.Range(0, count).ToArray();
        if (count <= cap)
        {
            return indices;
        }

        var random = new Random(seed);
        for (var i = 0; i < cap; i++)
        {
            var j = i + random.Next(count - i);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        var sample = indices[..cap];
        Array.Sort(sample);
        return sample;
    }

    private static RowSampleColumn Sampled(Column column, int[] rows)
    {
        if (column is NumericColumn numeric)
        {
            var values = new double[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                var v = numeric[rows[i]];
                values[i] = double.IsFinite(v) ? v : double.NaN;
            }

            return new RowSampleColumn { Name = column.Name, Kind = ColumnKind.Numeric, Numbers = values };
        }

        var lookup = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var texts = new string?[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            texts[i] = column.FormatCell(rows[i]);
            if (texts[i] is { } t)
            {
                lookup[t] = 0;
            }
        }

        var categories = lookup.Keys.ToArray();
        for (var k = 0; k < categories.Length; k++)
        {
            lookup[categories[k]] = k;
        }

        var codes = texts.Select(t => t is null ? CategoricalColumn.MissingCode : lookup[t]).ToArray();
        return new RowSampleColumn { Name = column.Name, Kind = ColumnKind.Categorical, Codes = codes, Categories = categories };
    }
}
