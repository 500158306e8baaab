using Vigil.Data.Text;

namespace Vigil.Data.Files;

/// <summary>
/// A data file (CSV or Parquet) that cannot be read as a table, or one whose format is not known. The message is one
/// line naming the file and, where it applies, the line or row and the column; control characters are escaped.
/// Catch this type to handle every format; <see cref="Csv.CsvFormatException"/> and
/// <see cref="Parquet.ParquetFormatException"/> add the details of their format.
/// </summary>
public class TableFileException : Exception
{
    /// <summary>An error about <paramref name="filePath"/> with a message composed by the caller (escaped here).</summary>
    public TableFileException(string filePath, string message, Exception? innerException = null)
        : base(PrintableText.Escape(message), innerException)
    {
        FilePath = filePath;
    }

    /// <summary>The file path, or the source name given to the reader.</summary>
    public string FilePath { get; }

    /// <summary>The column the problem is about, when it is about one.</summary>
    public virtual string? ColumnName => null;
}
