using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Vigil.Data.Tables;

namespace Vigil.Data.Csv;

/// <summary>
/// Reads a CSV file with a header row into a <see cref="Table"/>.
/// </summary>
/// <remarks>
/// Splitting is done by Sep (nietras): MIT, actively maintained, RFC 4180 quoting with unescaping, the fastest
/// .NET parser and span-based, so cells are copied into per-column buffers without a string per cell. Everything
/// Sep does not judge is checked here so errors can name the line and field: the header (empty or duplicate
/// names), ragged rows, unterminated quotes, and values that do not fit an explicit schema.
/// Rules: the first row is the header; UTF-8 with or without BOM (strict: bad bytes are located errors), or Latin-1 on request; a blank line is skipped when the header has
/// more than one column (with one column it is a missing cell); a header with no data rows is an error.
/// Any exception from the parser itself is wrapped in <see cref="CsvFormatException"/>.
/// </remarks>
public static class CsvTableReader
{
    /// <summary>
    /// Reads the file at <paramref name="path"/> in <see cref="CsvReadOptions.Encoding"/>; errors name
    /// <paramref name="path"/> as given. Bytes that are not UTF-8 (in UTF-8) and NUL bytes (binary files) are
    /// errors with the line, character and byte offset, never replaced.
    /// </summary>
    /// <exception cref="CsvFormatException">The content is not a valid table (see the remarks on the type).</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static Table Read(string path, CsvReadOptions? options = null) => ReadLocated(path, options).Table;

    /// <summary>
    /// Like <see cref="Read(string, CsvReadOptions?)"/>, and also keeps the physical line each row starts on, so
    /// later checks of the values (labels, ranges) can say where a row is.
    /// </summary>
    public static LocatedTable ReadLocated(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new CsvReadOptions();
        var file = new FileStream(path, new FileStreamOptions { Access = FileAccess.Read, Mode = FileMode.Open, Share = FileShare.Read, BufferSize = 0 });
        using var checkedBytes = new EncodingCheckStream(file, path, options.Encoding);
        var encoding = checkedBytes.Prime();
        using var reader = new StreamReader(checkedBytes, encoding, detectEncodingFromByteOrderMarks: encoding is UnicodeEncoding, bufferSize: 1 << 16);
        return ReadGuarded(reader, path, options);
    }

    /// <summary>
    /// Reads CSV text from <paramref name="reader"/> (left open); <paramref name="sourceName"/> names it in errors.
    /// The text is taken as decoded: <see cref="CsvReadOptions.Encoding"/> does not apply, and a reader built with a
    /// replacing decoder hides bad bytes (use <see cref="Read(string, CsvReadOptions?)"/> for files).
    /// </summary>
    /// <exception cref="CsvFormatException">The content is not a valid table.</exception>
    public static Table Read(TextReader reader, string sourceName, CsvReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ReadGuarded(reader, sourceName, options ?? new CsvReadOptions()).Table;
    }

    private static LocatedTable ReadGuarded(TextReader reader, string sourceName, CsvReadOptions options)
    {
        if (options.Delimiter is { } d && (d is '"' or '\r' or '\n' || char.IsWhiteSpace(d) && d != '\t'))
        {
            throw new ArgumentException($"'{d}' cannot be a delimiter.", nameof(options));
        }

        if (options.Columns is { Count: 0 })
        {
            throw new ArgumentException("Columns is empty: name at least one column, or leave it null to read all.", nameof(options));
        }

        var line = 0;
        try
        {
            return ReadCore(reader, sourceName, options, ref line);
        }
        catch (Exception ex) when (ex is not (CsvFormatException or IOException or OutOfMemoryException or OperationCanceledException))
        {
            // Never let the parser's own exception types leak: callers handle one type with a location.
            throw new CsvFormatException(sourceName, line, null, null, "well-formed CSV", $"a parser error ({ex.Message})", ex);
        }
    }

    private static LocatedTable ReadCore(TextReader reader, string source, CsvReadOptions options, ref int line)
    {
        var sample = DelimiterDetector.ReadSample(reader);
        if (sample.Length > 0 && sample[0] == '\uFEFF')
        {
            sample = sample[1..]; // BOM left by a reader that did not strip it.
        }

        if (sample.AsSpan().Trim().IsEmpty)
        {
            throw new CsvFormatException(source, 1, null, null, "a header row", "an empty file");
        }

        var delimiter = options.Delimiter ?? DelimiterDetector.Detect(sample);
        line = 1; // a parser failure names the line the failing row starts on: here the header's (Sep reads it at once)
        using var input = new PrefixedTextReader(sample, reader);
        using var sep = Sep.New(delimiter).Reader(o => o with
        {
            HasHeader = false, // the header is validated here so errors can name the field
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).From(input);

        if (!sep.MoveNext())
        {
            throw new CsvFormatException(source, 1, null, null, "a header row", "an empty file");
        }

        var header = ReadHeader(sep.Current, source);
        line = sep.Current.LineNumberToExcl;
        var selected = SelectColumns(header, options, source);
        var buffers = selected.Select(_ => new ColumnBuffer()).ToArray();
        var lines = new List<int>();
        while (sep.MoveNext())
        {
            var row = sep.Current;
            line = row.LineNumberFrom;
            var raw = row.Span;
            if ((raw.Count('"') & 1) == 1)
            {
                throw new CsvFormatException(source, line, row.ColCount, NameAt(header, row.ColCount - 1),
                    "a closing quote for a quoted field", "the end of the file (unterminated quote)");
            }

            if (row.ColCount != header.Length)
            {
                if (raw.IsEmpty && header.Length > 1)
                {
                    line = row.LineNumberToExcl;
                    continue;
                }

                var field = Math.Min(row.ColCount, header.Length) + 1;
                throw new CsvFormatException(source, line, field, NameAt(header, field - 1),
                    string.Create(CultureInfo.InvariantCulture, $"{header.Length} fields as in the header"),
                    string.Create(CultureInfo.InvariantCulture, $"{row.ColCount}"));
            }

            for (var i = 0; i < selected.Length; i++)
            {
                buffers[i].Append(row[selected[i]].Span);
            }

            lines.Add(line);
            line = row.LineNumberToExcl; // where the next row starts (exclusive), for a failure reading it
        }

        if (lines.Count == 0)
        {
            throw new CsvFormatException(source, 2, null, null, "at least one data row after the header", "none");
        }

        line = 0;
        var missing = new MissingMarkerSet(options.MissingMarkers ?? CsvReadOptions.DefaultMissingMarkers);
        var lineArray = lines.ToArray();
        var parser = new ColumnParser(source, lineArray, missing);
        var columns = new Column[selected.Length];
        var errors = new CsvFormatException?[selected.Length];

        // Columns are independent: parse them in parallel, then report the error nearest the top-left of the
        // file so the message does not depend on thread timing.
        Parallel.For(0, selected.Length, i =>
        {
            var name = header[selected[i]];
            ColumnKind? kind = options.Schema is not null && options.Schema.TryGetValue(name, out var k) ? k : null;
            try
            {
                columns[i] = parser.Parse(name, selected[i] + 1, buffers[i], kind);
            }
            catch (CsvFormatException e)
            {
                errors[i] = e;
            }

            buffers[i] = null!; // let the raw text go as soon as the column is built
        });

        var first = errors.OfType<CsvFormatException>().OrderBy(e => e.Line).ThenBy(e => e.Column).FirstOrDefault();
        return first is null ? new LocatedTable(new Table(columns), source, lineArray) : throw first;
    }

    private static string[] ReadHeader(SepReader.Row row, string source)
    {
        var raw = row.Span;
        if ((raw.Count('"') & 1) == 1)
        {
            throw new CsvFormatException(source, 1, row.ColCount, null, "a closing quote for a quoted header name",
                "the end of the file (unterminated quote)");
        }

        var names = new string[row.ColCount];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            var name = row[i].Span.ToString();
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new CsvFormatException(source, 1, i + 1, null, "a non-empty header name", CsvFormatException.Quote(name));
            }

            if (!seen.TryAdd(name, i))
            {
                throw new CsvFormatException(source, 1, i + 1, name, "unique header names",
                    string.Create(CultureInfo.InvariantCulture, $"'{name}' again (first at column {seen[name] + 1})"));
            }

            names[i] = name;
        }

        return names;
    }

    /// <summary>0-based field indices to read, in file order; checks that Columns and Schema name real columns.</summary>
    private static int[] SelectColumns(string[] header, CsvReadOptions options, string source)
    {
        var known = new HashSet<string>(header, StringComparer.Ordinal);
        foreach (var name in options.Schema?.Keys ?? [])
        {
            if (!known.Contains(name))
            {
                throw new CsvFormatException(source, 1, null, null,
                    $"a column named '{name}' (the explicit schema names it)", $"only {ListNames(header)}");
            }
        }

        if (options.Columns is null)
        {
            return Enumerable.Range(0, header.Length).ToArray();
        }

        var wanted = new HashSet<string>(options.Columns, StringComparer.Ordinal);
        foreach (var name in wanted)
        {
            if (!known.Contains(name))
            {
                throw new CsvFormatException(source, 1, null, null,
                    $"a column named '{name}' (requested in Columns)", $"only {ListNames(header)}");
            }
        }

        return Enumerable.Range(0, header.Length).Where(i => wanted.Contains(header[i])).ToArray();
    }

    private static string? NameAt(string[] header, int index) => index >= 0 && index < header.Length ? header[index] : null;

    private static string ListNames(string[] header) =>
        header.Length <= 20
            ? string.Join(", ", header.Select(h => $"'{h}'"))
            : string.Join(", ", header.Take(20).Select(h => $"'{h}'")) + string.Create(CultureInfo.InvariantCulture, $" and {header.Length - 20} more");
}
