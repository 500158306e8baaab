using System.Globalization;
using System.Text;
using Vigil.Data.Tables;

namespace Vigil.Data.Csv;

/// <summary>
/// Writes a <see cref="Table"/> as comma-separated UTF-8 (no BOM) with a header row and "\n" line ends.
/// Cells use <see cref="Column.FormatCell"/> (invariant culture; numbers round-trip, dates ISO 8601, booleans
/// true/false); a missing cell is an empty field. A field is quoted (with inner quotes doubled) when it holds a
/// comma, any other delimiter the reader detects (; tab |), quote, CR or LF (so detection on read is not fooled), or has leading/trailing spaces.
/// </summary>
/// <remarks>
/// What <see cref="CsvTableReader"/> cannot tell back without a schema: boolean and date-time columns read as
/// categorical, a categorical column whose values all look numeric reads as numeric, and a category equal to a
/// missing marker (e.g. "NA" or "") reads as missing.
/// </remarks>
public static class CsvTableWriter
{
    private static readonly System.Buffers.SearchValues<char> NeedsQuotes = System.Buffers.SearchValues.Create(",;\t|\"\r\n");

    /// <summary>
    /// Writes to <paramref name="path"/> atomically: the text goes to a temporary file in the same folder, which then
    /// replaces the target, so readers never see a half-written file.
    /// </summary>
    public static void Write(Table table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        Text.AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 1 << 16, leaveOpen: true);
            Write(table, writer);
        });
    }

    /// <summary>Writes the CSV text to <paramref name="writer"/> (left open, flushed).</summary>
    public static void Write(Table table, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(writer);
        var columns = table.Columns;
        for (var c = 0; c < columns.Count; c++)
        {
            if (c > 0)
            {
                writer.Write(',');
            }

            WriteField(writer, columns[c].Name);
        }

        writer.Write('\n');
        Span<char> number = stackalloc char[64];
        for (var r = 0; r < table.RowCount; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                if (c > 0)
                {
                    writer.Write(',');
                }

                // Numbers are formatted into a stack buffer (same text as FormatCell) to avoid a string per cell.
                if (columns[c] is NumericColumn n)
                {
                    var v = n[r];
                    if (!double.IsNaN(v) && v.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture))
                    {
                        writer.Write(number[..written]);
                    }

                    continue;
                }

                WriteField(writer, columns[c].FormatCell(r));
            }

            writer.Write('\n');
        }

        writer.Flush();
    }

    private static void WriteField(TextWriter writer, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var quote = text.AsSpan().ContainsAny(NeedsQuotes) || text[0] == ' ' || text[^1] == ' ';
        if (!quote)
        {
            writer.Write(text);
            return;
        }

        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}
