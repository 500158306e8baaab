using Parquet;
using Parquet.Schema;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// Writes a <see cref="Table"/> as Apache Parquet with Parquet.Net: numeric → DOUBLE, categorical → STRING
/// (dictionary-encoded when that is smaller), boolean → BOOLEAN, date-time → TIMESTAMP in microseconds, adjusted to
/// UTC when every value is UTC (otherwise a local timestamp that keeps the wall clock). Every column is optional; a
/// missing cell is a null (NaN is written as null). Snappy-compressed, in row groups of
/// <see cref="DefaultRowGroupRows"/> rows. <see cref="ParquetTableReader"/> reads the file back to the same table
/// (date-times to the microsecond).
/// </summary>
public static class ParquetTableWriter
{
    /// <summary>Rows per row group unless the caller says otherwise (about 8 MiB per numeric column).</summary>
    public const int DefaultRowGroupRows = 1 << 20;

    /// <summary>
    /// Writes to <paramref name="path"/> atomically: the file goes to a temporary file in the same folder, which then
    /// replaces the target, so readers never see a half-written file.
    /// </summary>
    public static void Write(Table table, string path, int rowGroupRows = DefaultRowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        Text.AtomicFile.Write(path, stream => Write(table, stream, rowGroupRows));
    }

    /// <summary>Writes the Parquet bytes to <paramref name="stream"/> (left open).</summary>
    public static void Write(Table table, Stream stream, int rowGroupRows = DefaultRowGroupRows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupRows, 1);
        WriteAsync(table, stream, rowGroupRows).GetAwaiter().GetResult();
    }

    private static async Task WriteAsync(Table table, Stream stream, int rowGroupRows)
    {
        var fields = table.Columns.Select(FieldOf).ToArray();
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream, options).ConfigureAwait(false);
        for (var start = 0; start < table.RowCount; start += rowGroupRows)
        {
            var count = Math.Min(rowGroupRows, table.RowCount - start);
            using var group = writer.CreateRowGroup();
            for (var c = 0; c < fields.Length; c++)
            {
                await WriteColumn(group, fields[c], table.Columns[c], start, count).ConfigureAwait(false);
            }

            group.CompleteValidate();
        }
    }

    private static DataField FieldOf(Column column) => column switch
    {
        NumericColumn => new DataField<double?>(column.Name),
        CategoricalColumn => new DataField<string>(column.Name, nullable: true),
        BooleanColumn => new DataField<bool?>(column.Name),
        DateTimeColumn d => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: AllUtc(d), unit: DateTimeTimeUnit.Micros, isNullable: true),
        _ => throw new ArgumentException($"Column '{column.Name}' is of kind {column.Kind}, which Parquet writing does not know.", nameof(column)),
    };

    private static async Task WriteColumn(ParquetRowGroupWriter group, DataField field, Column column, int start, int count)
    {
        switch (column)
        {
            case NumericColumn n:
                var numbers = new double?[count];
                var values = n.Values.Slice(start, count);
                for (var i = 0; i < count; i++)
                {
                    numbers[i] = double.IsNaN(values[i]) ? null : values[i];
                }

                await group.WriteAsync<double>(field, numbers.AsMemory()).ConfigureAwait(false);
                break;
            case CategoricalColumn c:
                var texts = new string?[count];
                for (var i = 0; i < count; i++)
                {
                    texts[i] = c[start + i];
                }

                await group.WriteAsync(field, texts!).ConfigureAwait(false);
                break;
            case BooleanColumn b:
                await group.WriteAsync<bool>(field, b.Values.Slice(start, count).ToArray().AsMemory()).ConfigureAwait(false);
                break;
            case DateTimeColumn d:
                await group.WriteAsync<DateTime>(field, d.Values.Slice(start, count).ToArray().AsMemory()).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"Column '{column.Name}' is of kind {column.Kind}.", nameof(column));
        }
    }

    private static bool AllUtc(DateTimeColumn column)
    {
        foreach (var v in column.Values)
        {
            if (v is { Kind: not DateTimeKind.Utc })
            {
                return false;
            }
        }

        return true;
    }
}
