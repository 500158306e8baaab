using System.Globalization;

namespace Vigil.Data.Csv;

/// <summary>
/// Thrown when CSV input cannot be turned into a table. Says where (file or source name, physical line,
/// field) and what was expected versus found, e.g.
/// <c>data.csv, line 7, column 3 ('age'): expected a number (explicit schema says numeric), found 'abc'.</c>
/// </summary>
public sealed class CsvFormatException : Exception
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
        : base(Compose(filePath, line, column, columnName, expected, found), innerException)
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Expected = expected;
        Found = found;
    }

    /// <summary>The file path, or the source name given to <see cref="CsvTableReader.Read(TextReader, string, CsvReadOptions?)"/>.</summary>
    public string FilePath { get; }

    /// <summary>1-based physical line in the file (the header is line 1); 0 when the problem is not tied to a line.</summary>
    public int Line { get; }

    /// <summary>1-based field index within the row, or null when the problem concerns the whole row or file.</summary>
    public int? Column { get; }

    /// <summary>Header name of <see cref="Column"/>, when known.</summary>
    public string? ColumnName { get; }

    /// <summary>What the reader needed at that point.</summary>
    public string Expected { get; }

    /// <summary>What the reader found instead.</summary>
    public string Found { get; }

    /// <summary>Quotes a cell for a message, shortening long text so messages stay one readable line.</summary>
    internal static string Quote(ReadOnlySpan<char> text)
    {
        var shown = text.Length > MaxFoundLength ? string.Concat(text[..MaxFoundLength], "…") : text.ToString();
        return "'" + shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";
    }

    private static string Compose(string filePath, int line, int? column, string? columnName, string expected, string found)
    {
        var where = filePath;
        if (line > 0)
        {
            where += string.Create(CultureInfo.InvariantCulture, $", line {line}");
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
