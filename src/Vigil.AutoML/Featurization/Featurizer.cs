using System.Globalization;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Featurization;

/// <summary>
/// Turns a table's feature columns into float rows. Built once from training data and saved in the bundle, so
/// prediction applies exactly the same encoding. Two modes: native (NaN kept, for LightGBM) and imputed
/// (training mean plus a missing indicator, for learners that cannot take NaN).
/// </summary>
public sealed class Featurizer
{
    /// <summary>Categorical columns with at most this many levels get one slot per level.</summary>
    public const int MaxOneHotLevels = 32;

    /// <summary>
    /// A column with more levels gets slots for its most frequent levels seen at least <see cref="MinLevelRows"/> times,
    /// at most this many, and fewer on long data or beside other such columns (<see cref="OneHotCellBudget"/>); other
    /// levels encode like unseen ones.
    /// </summary>
    public const int MaxFrequentLevels = 1024;

    /// <summary>Rows a level needs, in a many-level column, to get its own slot (a one-row level is noise to every learner).</summary>
    public const int MinLevelRows = 2;

    /// <summary>
    /// Rows × slots the many-level columns may take together, shared equally (the features are dense floats, kept
    /// once per encoding mode): 20 million cells, 80 MB, give one such column of a 36 000-row training set 555 slots,
    /// and a million rows the floor of <see cref="MaxOneHotLevels"/>.
    /// </summary>
    public const long OneHotCellBudget = 20_000_000;

    /// <summary>Slots of a hashed column. Bundles written before frequent-level encoding hashed many-level columns.</summary>
    public const int HashBuckets = 64;

    public Featurizer(IReadOnlyList<ColumnFeaturization> columns, IReadOnlyList<string> droppedColumns)
    {
        Columns = columns ?? throw new ArgumentNullException(nameof(columns));
        DroppedColumns = droppedColumns ?? throw new ArgumentNullException(nameof(droppedColumns));
    }

    public IReadOnlyList<ColumnFeaturization> Columns { get; }

    /// <summary>
    /// Columns ignored: every training cell was missing, or (many-level categorical) no level repeats. A constant
    /// column is kept (the engine warns about it).
    /// </summary>
    public IReadOnlyList<string> DroppedColumns { get; }

    public int Width(bool impute) => Columns.Sum(c => c.Width(impute));

    /// <summary>Learns the encoding from the training features (the label must already be removed).</summary>
    public static Featurizer Fit(Table features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var specs = new List<ColumnFeaturization>();
        var dropped = new List<string>();
        var levelCounts = features.Columns.OfType<CategoricalColumn>().ToDictionary(c => c.Name, c => c.CategoryCounts(), StringComparer.Ordinal);
        var manyLevelColumns = levelCounts.Values.Count(counts => counts.Count(n => n > 0) > MaxOneHotLevels);
        var frequentSlots = (int)Math.Clamp(OneHotCellBudget / Math.Max(features.RowCount, 1) / Math.Max(manyLevelColumns, 1), MaxOneHotLevels, MaxFrequentLevels);
        foreach (var column in features.Columns)
        {
            var missing = column.MissingCount;
            if (missing == column.Length)
            {
                // Missing everywhere: nothing to learn.
                dropped.Add(column.Name);
                continue;
            }

            var spec = column switch
            {
                NumericColumn n => new ColumnFeaturization(n.Name, FeatureKind.Numeric, null, 0, [Mean(n.Values)], missing > 0),
                BooleanColumn b => new ColumnFeaturization(b.Name, FeatureKind.Numeric, null, 0, [BoolMean(b)], missing > 0),
                DateTimeColumn d => DateSpec(d, missing > 0),
                CategoricalColumn c => CategoricalSpec(c, levelCounts[c.Name], frequentSlots),
                _ => throw new NotSupportedException($"Column kind {column.Kind} is not supported."),
            };
            if (spec.Width(impute: false) == 0)
            {
                // A many-level column none of whose levels repeats (an identifier): nothing to learn from.
                dropped.Add(column.Name);
                continue;
            }

            specs.Add(spec);
        }

        return new Featurizer(specs, dropped);
    }

    /// <summary>True when every cell of <paramref name="column"/> (none missing) holds the same value.</summary>
    internal static bool IsConstant(Column column) => column switch
    {
        NumericColumn n => AllEqual(n.Values),
        BooleanColumn b => AllEqual(b.Values),
        DateTimeColumn d => AllEqual(d.Values),
        CategoricalColumn c => AllEqual(c.Codes),
        _ => false,
    };

    private static bool AllEqual<T>(ReadOnlySpan<T> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(values[i], values[0]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Encodes every row of <paramref name="table"/>; columns are matched by name, extra columns ignored.</summary>
    public float[][] Transform(Table table, bool impute)
    {
        ArgumentNullException.ThrowIfNull(table);
        var width = Width(impute);
        var rows = new float[table.RowCount][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new float[width];
        }

        var offset = 0;
        foreach (var spec in Columns)
        {
            if (!table.TryGetColumn(spec.Column, out var column))
            {
                throw new AutoMLException(
                    AutoMLErrorCode.SchemaMismatch,
                    $"Column '{spec.Column}' used by the model is missing from the data. Columns: {string.Join(", ", table.ColumnNames)}.");
            }

            ColumnEncoder.Write(spec, column, rows, offset, impute);
            offset += spec.Width(impute);
        }

        return rows;
    }

    /// <summary>
    /// One-hot over the levels present, or, past <see cref="MaxOneHotLevels"/>, over the most frequent ones. Hashing
    /// 64 slots lost most of a 300-level column's signal (synthetic shop effects: test R² 0.25, against 0.69 with a
    /// slot per level and 0.71 for the true model); frequent levels keep their own slots and only rare ones are lost.
    /// </summary>
    private static ColumnFeaturization CategoricalSpec(CategoricalColumn c, int[] counts, int slots)
    {
        var present = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0).ToList();
        if (present.Count > MaxOneHotLevels)
        {
            present = present
                .Where(i => counts[i] >= MinLevelRows)
                .OrderByDescending(i => counts[i]).ThenBy(i => c.Categories[i], StringComparer.Ordinal)
                .Take(slots)
                .ToList();
        }

        var levels = present.Select(i => c.Categories[i]).ToList();
        levels.Sort(StringComparer.Ordinal);
        return new ColumnFeaturization(c.Name, FeatureKind.OneHot, levels, 0, null, false);
    }

    private static ColumnFeaturization DateSpec(DateTimeColumn d, bool hasMissing)
    {
        var sums = new double[DateFeatures.PartCount];
        Span<float> parts = stackalloc float[DateFeatures.PartCount];
        var n = 0;
        foreach (var v in d.Values)
        {
            if (v is null)
            {
                continue;
            }

            DateFeatures.Write(v, parts);
            for (var i = 0; i < parts.Length; i++)
            {
                sums[i] += parts[i];
            }

            n++;
        }

        return new ColumnFeaturization(d.Name, FeatureKind.DateParts, null, 0, sums.Select(s => s / Math.Max(n, 1)).ToArray(), hasMissing);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v) && !double.IsInfinity(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }

    private static double BoolMean(BooleanColumn b)
    {
        var n = 0;
        var t = 0;
        foreach (var v in b.Values)
        {
            if (v is { } x)
            {
                n++;
                t += x ? 1 : 0;
            }
        }

        return n == 0 ? 0 : (double)t / n;
    }

    internal static double ParseOrNaN(string? text) =>
        text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
