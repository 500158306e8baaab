using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>Missing-value drift: makes a share of one column's cells missing.</summary>
public static class MissingDrift
{
    /// <summary>
    /// Returns a new table where round(fraction × rows) rows of <paramref name="column"/>, chosen by
    /// <paramref name="seed"/>, are missing (NaN, code −1 or null by kind). Cells already missing stay missing, so
    /// the resulting missing share is at least <paramref name="fraction"/>, and exactly it when none were missing.
    /// </summary>
    public static Table Inject(Table table, string column, double fraction, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(table);
        var source = table[column];
        var rows = DriftInputs.ChooseRows(source.Length, fraction, new Random(seed));
        Column changed = source switch
        {
            NumericColumn n => new NumericColumn(n.Name, Blank(n.Values.ToArray(), rows, double.NaN)),
            CategoricalColumn c => new CategoricalColumn(c.Name, Blank(c.Codes.ToArray(), rows, CategoricalColumn.MissingCode), c.Categories.ToArray()),
            BooleanColumn b => new BooleanColumn(b.Name, Blank(b.Values.ToArray(), rows, null)),
            DateTimeColumn d => new DateTimeColumn(d.Name, Blank(d.Values.ToArray(), rows, null)),
            _ => throw new NotSupportedException($"Column kind {source.Kind} is not supported."),
        };
        return table.WithColumn(changed);
    }

    private static T[] Blank<T>(T[] values, int[] rows, T missing)
    {
        foreach (var r in rows)
        {
            values[r] = missing;
        }

        return values;
    }
}
