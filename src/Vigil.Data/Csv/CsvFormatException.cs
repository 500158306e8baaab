using System.Globalization;
using Vigil.Data.Files;
using Vigil.Data.Text;

namespace Vigil.Data.Csv;

/// <summary>
/// Thrown when CSV input cannot be turned into a table. Says where (file or source name, physical line,
/// field) and what was expected versus found, e.g.
/// <c>data.csv, line 7, column 3 ('age'): expected a number (explicit schema says numeric), found 'abc'.</c>
/// Problems with the bytes themselves (not UTF-8, a NUL byte) name the character in the line and the byte offset
/// instead of the field: <c>data.csv, line 3, character 7 (byte offset 52): expected UTF-8 text ...</c>.
/// The message is always one line: control characters from the file or its name are escaped (<c>\x1B</c>).
/// </summary>
public sealed class CsvFormatException : TableFileException
{
    private const int MaxFoundLength = 80;

    /// <summary>Creates the exception and composes <see cref="Exception.Message"/> from the parts.</summary>
    /// <param name="filePath">The file path, or the source name given to the reader.</param>
    /// <param name="line">1-based physical line in the file where the problem starts; 0 when not tied to a line.</param>
    /// <param name="column">1-based field index, or null when the problem is not about one field.</param>
    /// <param name="columnName">Header name of that field, when known.</param>
    /// <param name="expected">What the reader needed, e.g. "a number (explicit schema says numeric)".</param>
    /// <param name="found">What it saw instead; shortened when long.</param>
    /// <param name="innerException">The parser's own exception, when one was wrapped.</param>
    public CsvFormatException(
        string filePath,
        int line,
        int? column,
        string? columnName,
        string expected,
        string found,
        Exception? innerException = null)
        : this(filePath, line, column, columnName, expected, found, null, null, innerException)
    {
    }

    private CsvFormatException(
        string filePath,
        int line,
        int? column,
        string? columnName,
        string expected,
        string found,
        int? character,
        long? byteOffset,
        Exception? innerException)
        : base(filePath, Compose(filePath, line, column, columnName, expected, found, character, byteOffset), innerException)
    {
        Character = character;
        ByteOffset = byteOffset;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Expected = expected;
        Found = found;
    }

    /// <summary>1-based physical line in the file (the header is line 1); 0 when the problem is not tied to a line.</summary>
    public int Line { get; }

    /// <summary>1-based field index within the row, or null when the problem concerns the whole row or file.</summary>
    public int? Column { get; }

    /// <summary>Header name of <see cref="Column"/>, when known.</summary>
    public override string? ColumnName { get; }

    /// <summary>1-based character within the physical line, for problems with the bytes themselves; otherwise null.</summary>
    public int? Character { get; }

    /// <summary>0-based byte offset in the file of the offending byte, for problems with the bytes themselves; otherwise null.</summary>
    public long? ByteOffset { get; }

    /// <summary>What the reader needed at that point.</summary>
    public string Expected { get; }

    /// <summary>What the reader found instead.</summary>
    public string Found { get; }

    /// <summary>An error about the bytes at <paramref name="byteOffset"/>, the <paramref name="character"/>-th character of <paramref name="line"/>.</summary>
    internal static CsvFormatException AtByte(string filePath, int line, int character, long byteOffset, string expected, string found) =>
        new(filePath, line, null, null, expected, found, character, byteOffset, null);

    /// <summary>Quotes a cell for a message, shortening long text so messages stay one readable line.</summary>
    internal static string Quote(ReadOnlySpan<char> text)
    {
        var shown = text.Length > MaxFoundLength ? string.Concat(text[..MaxFoundLength], "…") : text.ToString();
        return "'" + PrintableText.Escape(shown) + "'";
    }

    private static string Compose(string filePath, int line, int? column, string? columnName, string expected, string found, int? character, long? byteOffset)
    {
        var where = filePath;
        if (line > 0)
        {
            where += string.Create(CultureInfo.InvariantCulture, $", line {line}");
        }

        if (character is { } ch)
        {
            where += string.Create(CultureInfo.InvariantCulture, $", character {ch}");
        }

        if (byteOffset is { } offset)
        {
            where += string.Create(CultureInfo.InvariantCulture, $" (byte offset {offset})");
        }

        if (column is { } c)
        {
            where += string.Create(CultureInfo.InvariantCulture, $", column {c}");
            if (columnName is not null)
            {
                where += $" ('{columnName}')";
            }
        }
        else if (columnName is not null)
        {
            where += $", column '{columnName}'";
        }

        return $"{where}: expected {expected}, found {found}.";
    }
}
