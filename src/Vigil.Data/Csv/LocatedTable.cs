using Vigil.Data.Files;
using Vigil.Data.Parquet;
using Vigil.Data.Tables;

namespace Vigil.Data.Csv;

/// <summary>
/// A table read from a file, with where each row is: in a CSV file the physical line it starts on (rows can span
/// lines inside quotes, and blank lines are skipped), in a Parquet file its 1-based row number. A check of the values
/// made after reading can still say where a row is.
/// </summary>
/// <param name="Table">The rows.</param>
/// <param name="Source">The file path or source name, as the reader was given it.</param>
/// <param name="RowLines">For row i, the 1-based line it starts on (CSV) or its 1-based row number (Parquet).</param>
public sealed record LocatedTable(Table Table, string Source, IReadOnlyList<int> RowLines)
{
    /// <summary>The format the rows were read from; says whether <see cref="RowLines"/> are lines or row numbers.</summary>
    public TableFileFormat Format { get; init; } = TableFileFormat.Csv;

    /// <summary>
    /// An error about the value of <paramref name="column"/> in <paramref name="row"/>, naming the file and the line
    /// (<see cref="CsvFormatException"/>) or row (<see cref="ParquetFormatException"/>).
    /// </summary>
    public TableFileException ValueError(int row, string column, string expected, string found)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, RowLines.Count);
        return Format == TableFileFormat.Parquet
            ? new ParquetFormatException(Source, RowLines[row], column, expected, found)
            : new CsvFormatException(Source, RowLines[row], null, column, expected, found);
    }

    /// <summary>An error about the file as a whole (a column it lacks, say), of the file's format.</summary>
    public TableFileException FileError(string expected, string found) =>
        Format == TableFileFormat.Parquet
            ? new ParquetFormatException(Source, null, null, expected, found)
            : new CsvFormatException(Source, 1, null, null, expected, found);

    /// <summary>The quoted cell of <paramref name="column"/> in <paramref name="row"/> for a message, or "a missing value".</summary>
    public static string Cell(Column column, int row)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.FormatCell(row) is { } text ? CsvFormatException.Quote(text) : "a missing value";
    }
}
