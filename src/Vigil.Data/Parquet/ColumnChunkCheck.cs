using Parquet;
using Parquet.Meta;
using Parquet.Schema;

namespace Vigil.Data.Parquet;

/// <summary>
/// What a column chunk's metadata says about whether the Parquet library reads it right. Parquet.Net 6.1 decodes
/// booleans stored with the RLE encoding as if they were PLAIN and returns wrong values without an error (its issue
/// #532), so such a chunk is refused before it is decoded; and when the library fails on a chunk, the metadata often
/// says why better than its exception does (a codec it lacks, a date beyond what .NET holds).
/// </summary>
internal static class ColumnChunkCheck
{
    /// <summary>Refuses a chunk the library would misread; <paramref name="group"/> is 0-based.</summary>
    public static void BeforeRead(ColumnMetaData? meta, DataField field, int group, string source)
    {
        if (meta is not null && field.ClrType == typeof(bool) && HasRleValues(meta))
        {
            throw new ParquetFormatException(source, null, field.Name, "booleans in the PLAIN encoding",
                $"booleans in the RLE encoding (row group {group + 1}), which the Parquet library Vigil uses reads wrongly: "
                + "Parquet writers use it with data page version 2 (pyarrow data_page_version='2.0', parquet-mr writer version v2); "
                + "write the file with data page version 1.0, or store the column as integers");
        }
    }

    /// <summary>Why the library failed on this chunk, when its metadata tells; null otherwise.</summary>
    public static string? Explain(ColumnMetaData? meta, DataField? field, Exception error)
    {
        if (meta?.Codec is CompressionCodec.LZ4 or CompressionCodec.LZO)
        {
            return $"data compressed with the {(meta.Codec == CompressionCodec.LZ4 ? "legacy LZ4 codec (Hadoop framing)" : "LZO codec")}, which the Parquet library "
                + "Vigil uses cannot decompress; write the file with snappy, zstd, gzip or LZ4_RAW";
        }

        if (field?.ClrType == typeof(DateTime) && error is ArgumentOutOfRangeException)
        {
            return "a date or time outside the years 1 to 9999, which Vigil cannot hold; store such values as text or numbers";
        }

        return null;
    }

    // Data pages whose values are RLE-encoded. The page statistics say it exactly; without them, RLE listed with no
    // PLAIN encoding can only be the values' (levels alone never make a chunk).
    private static bool HasRleValues(ColumnMetaData meta)
    {
        if (meta.EncodingStats is { Count: > 0 } stats)
        {
            return stats.Any(s => s.PageType is PageType.DATA_PAGE or PageType.DATA_PAGE_V2 && s.Encoding == Encoding.RLE);
        }

        return meta.Encodings.Contains(Encoding.RLE) && !meta.Encodings.Contains(Encoding.PLAIN) && !meta.Encodings.Contains(Encoding.BIT_PACKED);
    }
}
