using System.Collections.Frozen;
using Vigil.Data.Tables;

namespace Vigil.Data.Csv;

/// <summary>How <see cref="CsvTableReader"/> reads a file. Every property is optional; the defaults read a typical CSV.</summary>
public sealed record CsvReadOptions
{
    /// <summary>
    /// The markers used when <see cref="MissingMarkers"/> is null: "", "NA", "N/A", "NaN", "nan", "null", "NULL", "?".
    /// Matching is exact and case-sensitive ("na" or "Null" are ordinary text); a quoted marker is still missing.
    /// </summary>
    public static readonly IReadOnlySet<string> DefaultMissingMarkers =
        new[] { "", "NA", "N/A", "NaN", "nan", "null", "NULL", "?" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Field delimiter; null detects one of <c>,</c> <c>;</c> tab <c>|</c> from the first lines. A quote, CR, LF or
    /// whitespace other than tab is refused with <see cref="ArgumentException"/>.
    /// </summary>
    public char? Delimiter { get; init; }

    /// <summary>
    /// Column kinds by header name. A named column is parsed as that kind and any value that does not fit throws
    /// <see cref="CsvFormatException"/>; a name the file lacks also throws. Columns not named are inferred.
    /// </summary>
    public IReadOnlyDictionary<string, ColumnKind>? Schema { get; init; }

    /// <summary>Cell texts (after unquoting) that mean "missing"; null means <see cref="DefaultMissingMarkers"/>.</summary>
    public IReadOnlySet<string>? MissingMarkers { get; init; }

    /// <summary>
    /// When set, only these columns are read, in the file's order; a name the file lacks throws
    /// <see cref="CsvFormatException"/>. Schema entries for columns not read are ignored.
    /// </summary>
    public IReadOnlyCollection<string>? Columns { get; init; }

    /// <summary>
    /// The encoding of a file read by path (default UTF-8, strict). Ignored when the caller passes a
    /// <see cref="TextReader"/>, whose text is already decoded.
    /// </summary>
    public CsvEncoding Encoding { get; init; } = CsvEncoding.Utf8;

    /// <summary>
    /// Most cells (rows × columns read) a Parquet file may state. Its column arrays are sized by the row count its
    /// footer states before a page is decoded, and a few kilobytes can state billions of rows; a file over the limit is
    /// refused before anything is allocated. Null (default): no limit — a user's own files. A CSV file's cells grow as
    /// its text is read, so its size already bounds them.
    /// </summary>
    public long? MaxCells { get; init; }
}
