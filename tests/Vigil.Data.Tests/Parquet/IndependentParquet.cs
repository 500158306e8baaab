using ParquetSharp;
using Vigil.Data.Tables;
using Column = ParquetSharp.Column;

namespace Vigil.Data.Tests.Parquet;

/// <summary>
/// Writes and reads Parquet with ParquetSharp, a wrapper of Apache Arrow's C++ Parquet library: the reference the
/// tests hold Vigil's Parquet.Net reader and writer against, as pyarrow, Spark or DuckDB users would produce and read
/// files (dictionary-encoded strings, several row groups, nulls as definition levels, TIMESTAMP logical types).
/// Shared with Vigil.Cli.Tests as a linked file.
/// </summary>
internal static class IndependentParquet
{
    /// <summary>
    /// Writes <paramref name="table"/>: numeric → DOUBLE, categorical → STRING (dictionary-encoded), boolean → BOOLEAN,
    /// date-time → TIMESTAMP(µs), adjusted to UTC when every value is UTC; all optional, Snappy, row groups of
    /// <paramref name="rowGroupRows"/> rows.
    /// </summary>
    public static void Write(Table table, string path, int rowGroupRows = 1 << 20)
    {
        var columns = table.Columns.Select(c => c switch
        {
            NumericColumn => (Column)new Column<double?>(c.Name),
            CategoricalColumn => new Column<string>(c.Name),
            BooleanColumn => new Column<bool?>(c.Name),
            DateTimeColumn d => new Column<DateTime?>(c.Name, LogicalType.Timestamp(isAdjustedToUtc: AllUtc(d), timeUnit: TimeUnit.Micros)),
            _ => throw new ArgumentException($"unknown column {c}"),
        }).ToArray();
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).EnableDictionary().Build();
        using var file = new ParquetFileWriter(path, columns, properties);
        for (var start = 0; start < table.RowCount; start += rowGroupRows)
        {
            var count = Math.Min(rowGroupRows, table.RowCount - start);
            using var rowGroup = file.AppendRowGroup();
            foreach (var column in table.Columns)
            {
                var rows = Enumerable.Range(start, count);
                switch (column)
                {
                    case NumericColumn n:
                        WriteBatch(rowGroup, rows.Select(r => double.IsNaN(n[r]) ? (double?)null : n[r]).ToArray());
                        break;
                    case CategoricalColumn c:
                        WriteBatch(rowGroup, rows.Select(r => c[r]).ToArray());
                        break;
                    case BooleanColumn b:
                        WriteBatch(rowGroup, rows.Select(r => b[r]).ToArray());
                        break;
                    case DateTimeColumn d:
                        WriteBatch(rowGroup, rows.Select(r => d[r]).ToArray());
                        break;
                }
            }
        }

        file.Close();
    }

    /// <summary>Writes one row group of one column per entry, each given as a typed array (its CLR type picks the Parquet type).</summary>
    public static void WriteColumns(string path, params (Column Column, Array Values)[] columns) =>
        WriteColumns(path, rowGroups: 1, columns);

    /// <summary>Writes the columns split evenly into <paramref name="rowGroups"/> row groups.</summary>
    public static void WriteColumns(string path, int rowGroups, params (Column Column, Array Values)[] columns)
    {
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Snappy).EnableDictionary().Build();
        WriteColumns(path, properties, rowGroups, columns);
    }

    /// <summary>Writes the columns split evenly into <paramref name="rowGroups"/> row groups with the given writer properties (codec, encodings, page version).</summary>
    public static void WriteColumns(string path, WriterProperties properties, int rowGroups, params (Column Column, Array Values)[] columns)
    {
        using var file = new ParquetFileWriter(path, columns.Select(c => c.Column).ToArray(), properties);
        var rows = columns[0].Values.Length;
        var per = (rows + rowGroups - 1) / rowGroups;
        for (var start = 0; start < rows; start += per)
        {
            var count = Math.Min(per, rows - start);
            using var rowGroup = file.AppendRowGroup();
            foreach (var (_, values) in columns)
            {
                var part = Array.CreateInstance(values.GetType().GetElementType()!, count);
                Array.Copy(values, start, part, 0, count);
                typeof(IndependentParquet).GetMethod(nameof(WriteBatch), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(part.GetType().GetElementType()!).Invoke(null, [rowGroup, part]);
            }
        }

        file.Close();
    }

    /// <summary>The logical type ParquetSharp reads for each column of a file, e.g. "String", "Timestamp(isAdjustedToUTC=true, timeUnit=microseconds, ...)".</summary>
    public static string[] LogicalTypes(string path)
    {
        using var file = new ParquetFileReader(path);
        var schema = file.FileMetaData.Schema;
        var names = Enumerable.Range(0, schema.NumColumns).Select(i => $"{schema.Column(i).Name}: {schema.Column(i).PhysicalType} {schema.Column(i).LogicalType}").ToArray();
        file.Close();
        return names;
    }

    /// <summary>Every value of column <paramref name="index"/> across row groups, read with ParquetSharp as <typeparamref name="T"/>.</summary>
    public static T[] ReadColumn<T>(string path, int index)
    {
        using var file = new ParquetFileReader(path);
        var values = new List<T>();
        for (var g = 0; g < file.FileMetaData.NumRowGroups; g++)
        {
            using var rowGroup = file.RowGroup(g);
            using var reader = rowGroup.Column(index).LogicalReader<T>();
            values.AddRange(reader.ReadAll(checked((int)rowGroup.MetaData.NumRows)));
        }

        file.Close();
        return values.ToArray();
    }

    private static void WriteBatch<T>(RowGroupWriter rowGroup, T[] values)
    {
        using var writer = rowGroup.NextColumn().LogicalWriter<T>();
        writer.WriteBatch(values);
    }

    private static bool AllUtc(DateTimeColumn column) =>
        column.Values.ToArray().All(v => v is null || v.Value.Kind == DateTimeKind.Utc);
}
