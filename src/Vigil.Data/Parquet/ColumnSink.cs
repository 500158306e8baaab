using Parquet;
using Parquet.Schema;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// Collects one column of a Parquet file row group by row group into the array of its <see cref="Column"/>, so the
/// file is read once and, besides the table being built, only one column chunk's decoded values are alive.
/// </summary>
internal abstract class ColumnSink(DataField field, int rows)
{
    public DataField Field { get; } = field;

    public string Name => Field.Name;

    /// <summary>Rows in the whole file: the size of the column's array.</summary>
    protected int Rows { get; } = rows;

    /// <summary>Decodes this column of <paramref name="group"/> into rows [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="count"/>).</summary>
    /// <param name="group">The row group being read.</param>
    /// <param name="offset">The 0-based row of the file where this row group starts.</param>
    /// <param name="count">Rows in the row group.</param>
    /// <param name="source">The file, for errors about one value.</param>
    public abstract Task ReadAsync(ParquetRowGroupReader group, int offset, int count, string source);

    /// <summary>The finished column.</summary>
    public abstract Column Build();

    /// <summary>
    /// One row group's values of this column, null where missing. A required column is read as such: the library's
    /// nullable read expects definition levels that a required column does not have.
    /// </summary>
    protected async Task<T?[]> Values<T>(ParquetRowGroupReader group, int count)
        where T : struct
    {
        var values = new T?[count];
        await ReadInto(group, values.AsMemory()).ConfigureAwait(false);
        return values;
    }

    /// <summary>Reads this column of <paramref name="group"/> into <paramref name="target"/>, required or optional.</summary>
    protected async Task ReadInto<T>(ParquetRowGroupReader group, Memory<T?> target)
        where T : struct
    {
        if (Field.IsNullable)
        {
            await group.ReadAsync<T>(Field, target).ConfigureAwait(false);
            return;
        }

        var values = new T[target.Length];
        await group.ReadAsync<T>(Field, values.AsMemory()).ConfigureAwait(false);
        var span = target.Span;
        for (var i = 0; i < values.Length; i++)
        {
            span[i] = values[i];
        }
    }

    protected InvalidOperationException Unexpected() =>
        new($"Column '{Name}' has the CLR type {Field.ClrType.Name}, which its kind does not take.");
}
