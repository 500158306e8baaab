using Vigil.Data.Csv;
using Vigil.Data.Parquet;
using Vigil.Data.Tables;

namespace Vigil.Data.Files;

/// <summary>
/// The one way Vigil reads and writes a data file: the extension says the format. <c>.parquet</c> (also <c>.pq</c>,
/// <c>.parq</c>) is Apache Parquet; <c>.csv</c> is delimited text, and so are <c>.tsv</c>, <c>.tab</c>, <c>.txt</c>,
/// <c>.data</c>, <c>.dat</c>, <c>.psv</c> and a name without extension when reading (the delimiter is detected).
/// Any other extension is refused with one line naming the file, before anything is read or written.
/// </summary>
/// <remarks>
/// <see cref="CsvReadOptions"/> serves both formats: <see cref="CsvReadOptions.Schema"/> and
/// <see cref="CsvReadOptions.Columns"/> apply to both; <see cref="CsvReadOptions.Delimiter"/>,
/// <see cref="CsvReadOptions.Encoding"/> and <see cref="CsvReadOptions.MissingMarkers"/> describe text and apply to
/// CSV only (a Parquet file has types and real nulls). See docs/data.md for the kinds each Parquet type becomes.
/// </remarks>
public static class TableFile
{
    private static readonly string[] ParquetExtensions = [".parquet", ".pq", ".parq"];
    private static readonly string[] CsvReadExtensions = [".csv", ".tsv", ".tab", ".txt", ".data", ".dat", ".psv", ""];
    private static readonly string[] CsvWriteExtensions = [".csv", ".txt", ""];

    /// <summary>The extensions read, for help texts: ".csv or .parquet".</summary>
    public const string Extensions = ".csv or .parquet";

    /// <summary>The format of a file read from <paramref name="path"/>.</summary>
    /// <exception cref="TableFileException">The extension is not one Vigil reads.</exception>
    public static TableFileFormat ReadFormatOf(string path) =>
        TryFormatOf(path, CsvReadExtensions, out var format) ? format : throw Unknown(path, "read");

    /// <summary>The format a file written to <paramref name="path"/> gets.</summary>
    /// <exception cref="TableFileException">The extension is not one Vigil writes.</exception>
    public static TableFileFormat WriteFormatOf(string path) =>
        TryFormatOf(path, CsvWriteExtensions, out var format) ? format : throw Unknown(path, "write");

    /// <summary>Why a table cannot be written to <paramref name="path"/> (its extension), or null when it can.</summary>
    public static string? WriteProblem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryFormatOf(path, CsvWriteExtensions, out _) ? null : UnknownMessage(path, "write");
    }

    /// <summary>Reads the table at <paramref name="path"/> in the format its extension names.</summary>
    /// <exception cref="TableFileException">The file is not a valid table (a <see cref="CsvFormatException"/> or
    /// <see cref="ParquetFormatException"/>), or its extension is unknown.</exception>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    public static Table Read(string path, CsvReadOptions? options = null) => ReadLocated(path, options).Table;

    /// <summary>
    /// Like <see cref="Read"/>, and also keeps where each row is (its line in a CSV file, its row number in a Parquet
    /// file), so a later check of the values can say where a bad one is (<see cref="LocatedTable.ValueError"/>).
    /// </summary>
    public static LocatedTable ReadLocated(string path, CsvReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (ReadFormatOf(path) == TableFileFormat.Parquet)
        {
            return ParquetTableReader.ReadLocated(path, options);
        }

        try
        {
            return CsvTableReader.ReadLocated(path, options);
        }
        catch (CsvFormatException e) when (e.ByteOffset is not null && ParquetTableReader.StartsWithMagic(path))
        {
            // A Parquet file under a text name fails on its first binary byte; say what it is instead.
            throw new TableFileException(path,
                $"{path}: expected CSV text, found a Parquet file (it starts with PAR1); give it the extension .parquet.", e);
        }
    }

    /// <summary>
    /// Writes <paramref name="table"/> to <paramref name="path"/> atomically (a reader never sees half a file) in the
    /// format its extension names: CSV (<see cref="CsvTableWriter"/>) or Parquet (<see cref="ParquetTableWriter"/>).
    /// </summary>
    /// <exception cref="TableFileException">The extension is not one Vigil writes.</exception>
    public static void Write(Table table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (WriteFormatOf(path) == TableFileFormat.Parquet)
        {
            ParquetTableWriter.Write(table, path);
        }
        else
        {
            CsvTableWriter.Write(table, path);
        }
    }

    private static bool TryFormatOf(string path, string[] csvExtensions, out TableFileFormat format)
    {
        var extension = Path.GetExtension(path);
        if (ParquetExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            format = TableFileFormat.Parquet;
            return true;
        }

        format = TableFileFormat.Csv;
        return csvExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
    }

    private static TableFileException Unknown(string path, string verb) => new(path, UnknownMessage(path, verb) + ".");

    private static string UnknownMessage(string path, string verb)
    {
        var extension = Path.GetExtension(path);
        var also = verb == "read" ? " (CSV also as .tsv, .txt, .data or no extension)" : "";
        return $"{path}: expected a file named .csv or .parquet to {verb}{also}, found the extension '{extension}'";
    }
}
