using System.Globalization;
using Vigil.Data.Files;

namespace Vigil.Data.Parquet;

/// <summary>
/// Thrown when a Parquet file cannot be turned into a table. Says where (file, row when one row is at fault, column)
/// and what was expected versus found, e.g.
/// <c>events.parquet, column 'tags': expected a flat column (integer, float, decimal, string, boolean, date or
/// timestamp), found a list.</c> or <c>data.parquet, row 7, column 'age': expected a number (explicit schema says
/// numeric), found 'abc'.</c> The message is always one line.
/// </summary>
public sealed class ParquetFormatException : TableFileException
{
    /// <param name="filePath">The file path as the reader was given it.</param>
    /// <param name="row">1-based data row (across row groups), or null when the problem is not about one row.</param>
    /// <param name="columnName">The column, or null when the problem is about the whole file.</param>
    /// <param name="expected">What the reader needed.</param>
    /// <param name="found">What it saw instead.</param>
    /// <param name="innerException">The Parquet library's own exception, when one was wrapped.</param>
    public ParquetFormatException(string filePath, long? row, string? columnName, string expected, string found, Exception? innerException = null)
        : base(filePath, Compose(filePath, row, columnName, expected, found), innerException)
    {
        Row = row;
        ColumnName = columnName;
        Expected = expected;
        Found = found;
    }

    /// <summary>1-based data row across all row groups, or null.</summary>
    public long? Row { get; }

    /// <summary>The column, or null when the problem concerns the whole file.</summary>
    public override string? ColumnName { get; }

    /// <summary>What the reader needed at that point.</summary>
    public string Expected { get; }

    /// <summary>What the reader found instead.</summary>
    public string Found { get; }

    private static string Compose(string filePath, long? row, string? columnName, string expected, string found)
    {
        var where = filePath;
        if (row is { } r)
        {
            where += string.Create(CultureInfo.InvariantCulture, $", row {r}");
        }

        if (columnName is not null)
        {
            where += $", column '{columnName}'";
        }

        return $"{where}: expected {expected}, found {found}.";
    }
}
