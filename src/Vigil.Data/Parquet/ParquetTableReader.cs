using System.Globalization;
using Parquet;
using Parquet.Schema;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// Reads an Apache Parquet file into a <see cref="Table"/> with Parquet.Net (MIT, fully managed, maintained; no native
/// code to ship). Kinds come from the file's schema (<see cref="ParquetColumnKinds"/>): integers, floats and decimals
/// are numeric, strings categorical, booleans boolean, dates and timestamps date-time; a null is a missing cell.
/// </summary>
/// <remarks>
/// The file is read once, row group by row group: each selected column of a row group is decoded and copied into the
/// column being built, so besides the table only one column chunk's values are alive. Columns not selected
/// (<see cref="CsvReadOptions.Columns"/>) are never decoded. Every problem is a <see cref="ParquetFormatException"/>
/// naming the file (and the column, and the row when one value is at fault): a file that is not Parquet, a damaged
/// or truncated footer, an encrypted file, a nested or otherwise unsupported column, binary data that is not UTF-8,
/// a value that does not fit an explicit <see cref="CsvReadOptions.Schema"/>. Anything the Parquet library throws
/// while decoding is wrapped in one, so callers handle a single type.
/// </remarks>
public static class ParquetTableReader
{
    /// <summary>Reads the file at <paramref name="path"/>; errors name <paramref name="path"/> as given.</summary>
    /// <exception cref="ParquetFormatException">The file is not a Parquet table Vigil reads.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static Table Read(string path, CsvReadOptions? options = null) => ReadLocated(path, options).Table;

    /// <summary>Like <see cref="Read"/>, with each row's 1-based row number for later errors about its values.</summary>
    public static LocatedTable ReadLocated(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, new FileStreamOptions
        {
            Access = FileAccess.Read, Mode = FileMode.Open, Share = FileShare.Read, Options = FileOptions.RandomAccess,
        });
        return ReadLocated(file, path, options);
    }

    /// <summary>Reads from a seekable <paramref name="stream"/> (left open); <paramref name="source"/> names it in errors.</summary>
    public static LocatedTable ReadLocated(Stream stream, string source, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(source);
        options ??= new CsvReadOptions();
        if (options.Columns is { Count: 0 })
        {
            throw new ArgumentException("Columns is empty: name at least one column, or leave it null to read all.", nameof(options));
        }

        if (!stream.CanSeek)
        {
            throw new ArgumentException("A Parquet file is read from its end: the stream must be seekable.", nameof(stream));
        }

        ParquetEnvelope.Check(stream, source);
        var where = new ReadPosition();
        try
        {
            return ReadCore(stream, source, options, where).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not (TableFileException or OutOfMemoryException or OperationCanceledException or ArgumentException { ParamName: nameof(options) }))
        {
            throw where.Damaged(source, ex);
        }
    }

    /// <summary>True when the file at <paramref name="path"/> starts with the Parquet marker PAR1 (false when it cannot be read).</summary>
    public static bool StartsWithMagic(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return ParquetEnvelope.StartsWithMagic(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static async Task<LocatedTable> ReadCore(Stream stream, string source, CsvReadOptions options, ReadPosition where)
    {
        where.Stage = "a readable Parquet footer (the file's schema and row groups)";
        await using var reader = await ParquetReader.CreateAsync(stream, leaveStreamOpen: true).ConfigureAwait(false);
        where.Stage = null;
        var fields = SelectFields(reader.Schema, options, source);
        var rows = CountRows(reader, source);
        if (options.MaxCells is { } maxCells && (long)rows * fields.Length > maxCells)
        {
            throw new ParquetFormatException(source, null, null,
                string.Create(CultureInfo.InvariantCulture, $"at most {maxCells:N0} cells (rows × columns read)"),
                string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows × {fields.Length} columns stated by its footer"));
        }

        var sinks = fields.Select(f => ParquetColumnKinds.Sink(f.Field, rows)).ToArray();
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var groupRows = (int)group.RowCount; // CountRows checked that the sum fits
            for (var c = 0; c < fields.Length; c++)
            {
                var meta = group.GetMetadata(fields[c].Field)?.MetaData;
                where.At(g, fields[c].Field, meta);
                ColumnChunkCheck.BeforeRead(meta, fields[c].Field, g, source);
                await sinks[c].ReadAsync(group, offset, groupRows, source).ConfigureAwait(false);
            }

            offset += groupRows;
        }

        where.At(-1, null, null);
        var columns = new Column[sinks.Length];
        for (var c = 0; c < sinks.Length; c++)
        {
            var built = sinks[c].Build();
            columns[c] = options.Schema is not null && options.Schema.TryGetValue(built.Name, out var kind)
                ? ExplicitKinds.Apply(built, kind, source)
                : built;
        }

        return new LocatedTable(new Table(columns), source, new RowNumbers(rows)) { Format = TableFileFormat.Parquet };
    }

    // The top-level columns to read, in file order: every one, or those Columns names. Each must be flat and of a
    // supported type; the names Columns and Schema give must exist.
    private static (DataField Field, int Index)[] SelectFields(ParquetSchema schema, CsvReadOptions options, string source)
    {
        var top = schema.Fields;
        var names = top.Select(f => f.Name).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ParquetFormatException(source, null, null, "a name for every column", CsvFormatException.Quote(name ?? ""));
            }

            if (!seen.Add(name))
            {
                throw new ParquetFormatException(source, null, name, "unique column names", $"'{name}' twice");
            }
        }

        foreach (var name in (options.Schema?.Keys ?? []).Concat(options.Columns ?? []))
        {
            if (!seen.Contains(name))
            {
                var why = options.Columns?.Contains(name) == true ? "requested in Columns" : "the explicit schema names it";
                throw new ParquetFormatException(source, null, null, $"a column named '{name}' ({why})", $"only {ListNames(names)}");
            }
        }

        var wanted = options.Columns is null ? null : new HashSet<string>(options.Columns, StringComparer.Ordinal);
        var selected = new List<(DataField, int)>();
        for (var i = 0; i < top.Count; i++)
        {
            if (wanted is not null && !wanted.Contains(top[i].Name))
            {
                continue;
            }

            if (ParquetColumnKinds.Unsupported(top[i]) is { } found)
            {
                throw new ParquetFormatException(source, null, top[i].Name, ParquetColumnKinds.Supported, found);
            }

            selected.Add(((DataField)top[i], i));
        }

        if (selected.Count == 0)
        {
            throw new ParquetFormatException(source, null, null, "at least one column", "none");
        }

        return selected.ToArray();
    }

    private static int CountRows(ParquetReader reader, string source)
    {
        long rows = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            if (group.RowCount < 0)
            {
                throw new ParquetFormatException(source, null, null, $"a row count for row group {g + 1}", $"{group.RowCount} (the footer is damaged)");
            }

            rows += group.RowCount;
        }

        if (rows == 0)
        {
            throw new ParquetFormatException(source, null, null, "at least one row", "none");
        }

        return rows <= Array.MaxLength
            ? (int)rows
            : throw new ParquetFormatException(source, null, null,
                string.Create(CultureInfo.InvariantCulture, $"at most {Array.MaxLength:N0} rows"), string.Create(CultureInfo.InvariantCulture, $"{rows:N0}"));
    }

    private static string ListNames(string[] names) =>
        names.Length <= 20
            ? string.Join(", ", names.Select(h => $"'{h}'"))
            : string.Join(", ", names.Take(20).Select(h => $"'{h}'")) + string.Create(CultureInfo.InvariantCulture, $" and {names.Length - 20} more");

    // Where the reader is, so a failure inside the Parquet library says which part of the file it was reading.
    private sealed class ReadPosition
    {
        private int _group = -1;
        private DataField? _field;
        private global::Parquet.Meta.ColumnMetaData? _chunk;

        public string? Stage { get; set; }

        public void At(int group, DataField? field, global::Parquet.Meta.ColumnMetaData? chunk)
        {
            _group = group;
            _field = field;
            _chunk = chunk;
        }

        public ParquetFormatException Damaged(string source, Exception error)
        {
            // The library's own diagnoses ("Invalid data in Thrift header ...") help; a NullReferenceException's text
            // from deep inside it does not, so only the fact is said then.
            var detail = ColumnChunkCheck.Explain(_chunk, _field, error) is { } why ? $" ({why})"
                : error is ParquetException or IOException or InvalidDataException or NotSupportedException or NotImplementedException
                ? $" ({error.Message.Split('\n')[0].Trim()})"
                : "";
            if (Stage is not null)
            {
                return new ParquetFormatException(source, null, null, Stage, $"a damaged footer{detail}", error);
            }

            var expected = _group >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"readable data in row group {_group + 1}")
                : "a readable Parquet file";
            return new ParquetFormatException(source, null, _field?.Name, expected, $"damaged data{detail}", error);
        }
    }
}
