using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models.MlNet;

/// <summary>
/// A <see cref="Table"/> seen as an ML.NET data view with the column types a saved pipeline's input schema asks for:
/// numbers as Single, Double, Int32 or Int64, text, booleans, or one Single vector of the <c>--features</c> columns.
/// Missing numbers are NaN (0 for integer columns), missing text is empty, missing booleans false.
/// </summary>
internal sealed class TableDataView : IDataView
{
    private readonly Func<int, object>[] _cells;
    private readonly int _rows;

    public TableDataView(Table table, IReadOnlyList<(string Name, DataViewType Type, Func<int, object> Cell)> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var (name, type, _) in columns)
        {
            builder.AddColumn(name, type);
        }

        Schema = builder.ToSchema();
        _cells = columns.Select(c => c.Cell).ToArray();
        _rows = table.RowCount;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    /// <summary>A getter for one table column converted to <paramref name="type"/>.</summary>
    public static Func<int, object> Cell(Column column, DataViewType type)
    {
        if (type is TextDataViewType)
        {
            return row => (column is NumericColumn n ? (double.IsNaN(n[row]) ? "" : n[row].ToString("R", CultureInfo.InvariantCulture)) : column.FormatCell(row) ?? "").AsMemory();
        }

        if (type is BooleanDataViewType)
        {
            return row => Number(column, row) == 1;
        }

        return type.RawType switch
        {
            var t when t == typeof(float) => row => (float)Number(column, row),
            var t when t == typeof(double) => row => Number(column, row),
            var t when t == typeof(int) => row => double.IsFinite(Number(column, row)) ? (int)Number(column, row) : 0,
            var t when t == typeof(long) => row => double.IsFinite(Number(column, row)) ? (long)Number(column, row) : 0L,
            _ => throw new ModelInputException($"ML.NET input column '{column.Name}' has type {type}, which Vigil cannot feed."),
        };
    }

    /// <summary>A getter for a Single vector of several numeric columns (the <c>--features</c> order).</summary>
    public static Func<int, object> Vector(IReadOnlyList<Column> columns) =>
        row => new VBuffer<float>(columns.Count, columns.Select(c => (float)Number(c, row)).ToArray());

    private static double Number(Column column, int row) => column switch
    {
        NumericColumn n => n[row],
        BooleanColumn b => b[row] is { } flag ? (flag ? 1 : 0) : double.NaN,
        _ => column.FormatCell(row) switch
        {
            "true" or "True" or "TRUE" => 1,
            "false" or "False" or "FALSE" => 0,
            var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN,
        },
    };

    private sealed class Cursor(TableDataView view) : DataViewRowCursor
    {
        private int _row = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _row;

        public override long Batch => 0;

        public override bool MoveNext() => ++_row < view._rows;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var cell = view._cells[column.Index];
            return (ref TValue value) => value = (TValue)cell(_row);
        }
    }
}
