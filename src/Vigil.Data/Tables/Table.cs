namespace Vigil.Data.Tables;

/// <summary>
/// An immutable columnar table: named, typed columns of equal length. Column names are unique (ordinal).
/// Operations return new tables and never change this one.
/// </summary>
public sealed class Table
{
    // Tables narrower than this find a column by a scan of the names: a one-row table that /predict scores costs no
    // dictionary (about 0.9 KB of a 20-feature request, docs/models.md), and a scan of a few names is as fast.
    private const int IndexedFrom = 33;

    private readonly Column[] _columns;
    private readonly Dictionary<string, int>? _index;

    /// <summary>Builds a table; all columns must have the same length and distinct names.</summary>
    public Table(IEnumerable<Column> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns.ToArray();
        _index = _columns.Length >= IndexedFrom ? new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal) : null;
        for (var i = 0; i < _columns.Length; i++)
        {
            var c = _columns[i];
            if (_index is not null ? !_index.TryAdd(c.Name, i) : Scan(c.Name, i) >= 0)
            {
                throw new ArgumentException($"Duplicate column name '{c.Name}'.", nameof(columns));
            }

            if (c.Length != _columns[0].Length)
            {
                throw new ArgumentException(
                    $"Column '{c.Name}' has {c.Length} rows but column '{_columns[0].Name}' has {_columns[0].Length}.",
                    nameof(columns));
            }
        }

        RowCount = _columns.Length == 0 ? 0 : _columns[0].Length;
    }

    /// <summary>Number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Columns in order.</summary>
    public IReadOnlyList<Column> Columns => _columns;

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToArray();

    /// <summary>The column named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming the known columns.</summary>
    public Column this[string name] =>
        TryGetColumn(name, out var column)
            ? column
            : throw new KeyNotFoundException($"No column '{name}'. Columns: {string.Join(", ", ColumnNames)}.");

    /// <summary>The column at position <paramref name="index"/>.</summary>
    public Column this[int index] => _columns[index];

    public bool Contains(string name) => IndexOf(name) >= 0;

    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Column? column)
    {
        var i = IndexOf(name);
        column = i >= 0 ? _columns[i] : null;
        return column is not null;
    }

    /// <summary>Position of the column, or -1.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_index is not null)
        {
            return _index.TryGetValue(name, out var i) ? i : -1;
        }

        return Scan(name, _columns.Length);
    }

    // The position of name among the first count columns, or -1.
    private int Scan(string name, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (string.Equals(_columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>).</summary>
    public Table Slice(int start, int length) => new(_columns.Select(c => c.Slice(start, length)));

    /// <summary>Rows where <paramref name="mask"/> is true.</summary>
    public Table Filter(ReadOnlySpan<bool> mask)
    {
        if (mask.Length != RowCount)
        {
            throw new ArgumentException($"Mask has {mask.Length} entries but the table has {RowCount} rows.", nameof(mask));
        }

        var rows = new List<int>(RowCount);
        for (var i = 0; i < mask.Length; i++)
        {
            if (mask[i])
            {
                rows.Add(i);
            }
        }

        return Take(rows.ToArray());
    }

    /// <summary>The rows at the given indices, in that order (indices may repeat).</summary>
    public Table Take(int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new Table(_columns.Select(c => c.Take(rows)));
    }

    /// <summary>Only the named columns, in the given order.</summary>
    public Table SelectColumns(IEnumerable<string> names) => new(names.Select(n => this[n]));

    /// <summary>All columns except the named ones (names that are absent are ignored).</summary>
    public Table WithoutColumns(params string[] names)
    {
        var drop = new HashSet<string>(names, StringComparer.Ordinal);
        return new Table(_columns.Where(c => !drop.Contains(c.Name)));
    }

    /// <summary>This table with <paramref name="column"/> added, or replacing the column of the same name.</summary>
    public Table WithColumn(Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var list = _columns.ToList();
        var i = IndexOf(column.Name);
        if (i >= 0)
        {
            list[i] = column;
        }
        else
        {
            list.Add(column);
        }

        return new Table(list);
    }

    /// <summary>
    /// The rows of every table, in order. All tables must have the same column names and kinds (in the same order);
    /// categorical dictionaries are merged (categories keep their first-seen order).
    /// </summary>
    public static Table Concat(IReadOnlyList<Table> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            throw new ArgumentException("Nothing to concatenate.", nameof(tables));
        }

        var first = tables[0];
        foreach (var t in tables)
        {
            if (!t.ColumnNames.SequenceEqual(first.ColumnNames, StringComparer.Ordinal)
                || t.Columns.Select(c => c.Kind).Where((k, i) => k != first.Columns[i].Kind).Any())
            {
                throw new ArgumentException(
                    $"Tables differ: [{string.Join(", ", first.Columns.Select(c => $"{c.Name}:{c.Kind}"))}] vs [{string.Join(", ", t.Columns.Select(c => $"{c.Name}:{c.Kind}"))}].",
                    nameof(tables));
            }
        }

        var columns = new Column[first.Columns.Count];
        for (var j = 0; j < columns.Length; j++)
        {
            var parts = tables.Select(t => t.Columns[j]).ToArray();
            columns[j] = parts[0] switch
            {
                NumericColumn => new NumericColumn(parts[0].Name, parts.SelectMany(p => ((NumericColumn)p).Values.ToArray()).ToArray()),
                BooleanColumn => new BooleanColumn(parts[0].Name, parts.SelectMany(p => ((BooleanColumn)p).Values.ToArray()).ToArray()),
                DateTimeColumn => new DateTimeColumn(parts[0].Name, parts.SelectMany(p => ((DateTimeColumn)p).Values.ToArray()).ToArray()),
                _ => CategoricalColumn.FromValues(parts[0].Name, parts.SelectMany(p => Enumerable.Range(0, p.Length).Select(p.FormatCell)).ToArray()),
            };
        }

        return new Table(columns);
    }

    public override string ToString() => $"Table ({RowCount} rows × {_columns.Length} columns)";
}
