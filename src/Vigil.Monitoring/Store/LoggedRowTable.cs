using System.Globalization;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Store;

/// <summary>Turns stored rows into a <see cref="Table"/> so checks can compare them with a reference profile.</summary>
public static class LoggedRowTable
{
    /// <summary>
    /// One column per feature. With <paramref name="schema"/>, exactly its columns in its order (features not in it are
    /// dropped); without, every feature name in order of first appearance, numeric when every present value is a number,
    /// boolean when every present value is a boolean, otherwise categorical. Missing cells: NaN (numeric), code -1
    /// (categorical), null (boolean, date). A numeric column parses text cells as invariant numbers (NaN when not a
    /// number); a categorical column formats numbers with "R" and booleans as "true"/"false".
    /// When <paramref name="labelColumn"/> is given, the labels are appended under that name: numeric when the schema
    /// says so, otherwise categorical; unlabelled rows are missing.
    /// </summary>
    public static Table ToTable(
        IReadOnlyList<LoggedRow> rows, IReadOnlyDictionary<string, ColumnKind>? schema = null, string? labelColumn = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var kinds = schema is not null ? new List<KeyValuePair<string, ColumnKind>>(schema) : InferKinds(rows);
        var columns = new List<Column>(kinds.Count + 1);
        foreach (var (name, kind) in kinds)
        {
            if (name == labelColumn)
            {
                continue;
            }

            columns.Add(BuildColumn(name, kind, rows.Count, i => rows[i].Features.TryGetValue(name, out var v) ? v : null));
        }

        if (labelColumn is not null)
        {
            var kind = schema is not null && schema.TryGetValue(labelColumn, out var k) ? k : ColumnKind.Categorical;
            columns.Add(BuildColumn(labelColumn, kind, rows.Count, i => rows[i].Label));
        }

        return new Table(columns);
    }

    private static List<KeyValuePair<string, ColumnKind>> InferKinds(IReadOnlyList<LoggedRow> rows)
    {
        var order = new List<string>();
        var state = new Dictionary<string, (bool AllNumbers, bool AllBooleans)>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (name, value) in row.Features)
            {
                if (!state.TryGetValue(name, out var s))
                {
                    order.Add(name);
                    s = (true, true);
                }

                if (value is not null)
                {
                    s = (s.AllNumbers && value is double, s.AllBooleans && value is bool);
                }

                state[name] = s;
            }
        }

        return order.ConvertAll(name => new KeyValuePair<string, ColumnKind>(
            name,
            state[name] switch
            {
                (true, _) => ColumnKind.Numeric,
                (_, true) => ColumnKind.Boolean,
                _ => ColumnKind.Categorical,
            }));
    }

    private static Column BuildColumn(string name, ColumnKind kind, int count, Func<int, object?> cell)
    {
        switch (kind)
        {
            case ColumnKind.Numeric:
                var numbers = new double[count];
                for (var i = 0; i < count; i++)
                {
                    numbers[i] = ToDouble(cell(i));
                }

                return new NumericColumn(name, numbers);
            case ColumnKind.Boolean:
                var flags = new bool?[count];
                for (var i = 0; i < count; i++)
                {
                    flags[i] = cell(i) switch
                    {
                        bool b => b,
                        string s => LoggedCell.Flag(s),
                        _ => null,
                    };
                }

                return new BooleanColumn(name, flags);
            case ColumnKind.DateTime:
                var dates = new DateTime?[count];
                for (var i = 0; i < count; i++)
                {
                    dates[i] = cell(i) is string s ? LoggedCell.Date(s) : null;
                }

                return new DateTimeColumn(name, dates);
            default:
                var texts = new string?[count];
                for (var i = 0; i < count; i++)
                {
                    texts[i] = cell(i) switch
                    {
                        null => null,
                        string s => s,
                        double d => LoggedCell.Text(d),
                        bool b => LoggedCell.Text(b),
                        var other => Convert.ToString(other, CultureInfo.InvariantCulture),
                    };
                }

                return CategoricalColumn.FromValues(name, texts);
        }
    }

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        string s => LoggedCell.Number(s),
        bool b => b ? 1 : 0,
        _ => double.NaN,
    };
}
