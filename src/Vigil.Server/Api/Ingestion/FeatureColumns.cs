using Vigil.Data.Tables;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Api.Ingestion;

/// <summary>
/// The feature values of a batch to score, kept column by column in the champion's schema as the batch reader meets
/// them, and handed to the model as one <see cref="Table"/>. It converts each value to its column's kind by the rules
/// <see cref="LoggedRowTable"/> uses (<see cref="LoggedCell"/>), without the dictionary, the boxed numbers and the name strings a row cost when values went
/// through <c>LoggedRowTable</c>: about 5 KB of a one-row <c>/predict</c> (docs/models.md, "Where the last
/// millisecond goes").
/// </summary>
internal sealed class FeatureColumns
{
    private readonly FeatureSchema _schema;
    // Per column, the array of its kind: double[], bool?[], DateTime?[] or string?[] (one array of arrays, not four).
    private readonly Array?[] _cells;
    private int _capacity;

    public FeatureColumns(FeatureSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
        _cells = new Array?[schema.Count];
    }

    /// <summary>Rows kept so far (<see cref="KeepRow"/>).</summary>
    public int Count { get; private set; }

    /// <summary>Starts (or restarts) the features of the next row: every cell missing until set.</summary>
    public void BeginRow()
    {
        if (Count == _capacity)
        {
            Grow(Math.Max(1, _capacity * 2));
        }

        for (var c = 0; c < _schema.Count; c++)
        {
            SetMissing(c);
        }
    }

    /// <summary>Keeps the row begun last (a row that is not kept is overwritten by the next).</summary>
    public void KeepRow() => Count++;

    public void SetNumber(int column, double value)
    {
        switch (_schema.Kinds[column])
        {
            case ColumnKind.Numeric:
                ((double[])_cells[column]!)[Count] = value;
                break;
            case ColumnKind.Boolean:
                ((bool?[])_cells[column]!)[Count] = null;
                break;
            case ColumnKind.DateTime:
                ((DateTime?[])_cells[column]!)[Count] = null;
                break;
            default:
                ((string?[])_cells[column]!)[Count] = LoggedCell.Text(value);
                break;
        }
    }

    public void SetText(int column, string value)
    {
        switch (_schema.Kinds[column])
        {
            case ColumnKind.Numeric:
                ((double[])_cells[column]!)[Count] = LoggedCell.Number(value);
                break;
            case ColumnKind.Boolean:
                ((bool?[])_cells[column]!)[Count] = LoggedCell.Flag(value);
                break;
            case ColumnKind.DateTime:
                ((DateTime?[])_cells[column]!)[Count] = LoggedCell.Date(value);
                break;
            default:
                ((string?[])_cells[column]!)[Count] = value;
                break;
        }
    }

    public void SetFlag(int column, bool value)
    {
        switch (_schema.Kinds[column])
        {
            case ColumnKind.Numeric:
                ((double[])_cells[column]!)[Count] = value ? 1 : 0;
                break;
            case ColumnKind.Boolean:
                ((bool?[])_cells[column]!)[Count] = value;
                break;
            case ColumnKind.DateTime:
                ((DateTime?[])_cells[column]!)[Count] = null;
                break;
            default:
                ((string?[])_cells[column]!)[Count] = LoggedCell.Text(value);
                break;
        }
    }

    public void SetMissing(int column)
    {
        switch (_schema.Kinds[column])
        {
            case ColumnKind.Numeric:
                ((double[])_cells[column]!)[Count] = double.NaN;
                break;
            case ColumnKind.Boolean:
                ((bool?[])_cells[column]!)[Count] = null;
                break;
            case ColumnKind.DateTime:
                ((DateTime?[])_cells[column]!)[Count] = null;
                break;
            default:
                ((string?[])_cells[column]!)[Count] = null;
                break;
        }
    }

    /// <summary>The kept rows as a table of the schema's columns, in its order.</summary>
    public Table ToTable()
    {
        var columns = new Column[_schema.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            var name = _schema.Names[c];
            columns[c] = _schema.Kinds[c] switch
            {
                ColumnKind.Numeric => new NumericColumn(name, Exact((double[])_cells[c]!)),
                ColumnKind.Boolean => new BooleanColumn(name, Exact((bool?[])_cells[c]!)),
                ColumnKind.DateTime => new DateTimeColumn(name, Exact((DateTime?[])_cells[c]!)),
                _ => CategoricalColumn.FromValues(name, Exact((string?[])_cells[c]!)),
            };
        }

        return new Table(columns);
    }

    private T[] Exact<T>(T[] values)
    {
        if (values.Length != Count)
        {
            Array.Resize(ref values, Count);
        }

        return values;
    }

    private static T[] Resized<T>(T[]? values, int capacity)
    {
        Array.Resize(ref values, capacity);
        return values;
    }

    private void Grow(int capacity)
    {
        for (var c = 0; c < _schema.Count; c++)
        {
            _cells[c] = _schema.Kinds[c] switch
            {
                ColumnKind.Numeric => Resized((double[]?)_cells[c], capacity),
                ColumnKind.Boolean => Resized((bool?[]?)_cells[c], capacity),
                ColumnKind.DateTime => Resized((DateTime?[]?)_cells[c], capacity),
                _ => Resized((string?[]?)_cells[c], capacity),
            };
        }

        _capacity = capacity;
    }
}
