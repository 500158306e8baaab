using Vigil.Data.Tables;

namespace Vigil.Data.Csv;

/// <summary>
/// A table read from a file, with the physical line each row starts on (rows can span lines inside quotes, and
/// blank lines are skipped), so a check of the values made after reading can still say where a row is.
/// </summary>
/// <param name="Table">The rows.</param>
/// <param name="Source">The file path or source name, as the reader was given it.</param>
/// <param name="RowLines">For row i, the 1-based line it starts on.</param>
public sealed record LocatedTable(Table Table, string Source, IReadOnlyList<int> RowLines)
{
    /// <summary>An error about the value of <paramref name="column"/> in <paramref name="row"/>, naming the file and line.</summary>
    public CsvFormatException ValueError(int row, string column, string expected, string found)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowLines.Count);
        return new CsvFormatException(Source, RowLines[row], null, column, expected, found);
    }

    /// <summary>The quoted cell of <paramref name="column"/> in <paramref name="row"/> for a message, or "a missing value".</summary>
    public static string Cell(Column column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.FormatCell(row) is { } text ? CsvFormatException.Quote(text) : "a missing value";
    }
}
