using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Vigil.Data.Csv;

namespace Vigil.Data.Parquet;

/// <summary>
/// The frame of a Parquet file: it starts with <c>PAR1</c> and ends with the footer's length and <c>PAR1</c>
/// (<c>PARE</c> when the footer is encrypted). Checked before the library reads the footer, so a file that is not
/// Parquet, a truncated one and an encrypted one each get a plain answer rather than the library's.
/// </summary>
internal static class ParquetEnvelope
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();
    private static readonly byte[] EncryptedMagic = "PARE"u8.ToArray();

    public static bool StartsWithMagic(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(Magic);
    }

    /// <summary>Throws <see cref="ParquetFormatException"/> unless the stream is framed as an unencrypted Parquet file.</summary>
    public static void Check(Stream stream, string source)
    {
        var length = stream.Length;
        if (length == 0)
        {
            throw new ParquetFormatException(source, null, null, "a Parquet file", "an empty file");
        }

        Span<byte> head = stackalloc byte[(int)Math.Min(64, length)];
        stream.Position = 0;
        stream.ReadExactly(head);
        if (!head.StartsWith(Magic) && !head.StartsWith(EncryptedMagic))
        {
            throw new ParquetFormatException(source, null, null, "a Parquet file (it starts and ends with the marker PAR1)", Describe(head, length));
        }

        if (length < 12)
        {
            throw new ParquetFormatException(source, null, null, "a Parquet footer after the marker",
                string.Create(CultureInfo.InvariantCulture, $"a file of {length} bytes (truncated)"));
        }

        Span<byte> tail = stackalloc byte[8];
        stream.Position = length - 8;
        stream.ReadExactly(tail);
        if (tail[4..].SequenceEqual(EncryptedMagic) || head.StartsWith(EncryptedMagic))
        {
            throw new ParquetFormatException(source, null, null, "an unencrypted Parquet file", "an encrypted footer (PARE; not supported)");
        }

        if (!tail[4..].SequenceEqual(Magic))
        {
            throw new ParquetFormatException(source, null, null, "the marker PAR1 at the end of the file",
                "other bytes (the file is truncated, damaged or still being written)");
        }

        var footer = BinaryPrimitives.ReadInt32LittleEndian(tail);
        if (footer <= 0 || footer > length - 12)
        {
            throw new ParquetFormatException(source, null, null,
                string.Create(CultureInfo.InvariantCulture, $"a footer length within the file's {length} bytes"),
                string.Create(CultureInfo.InvariantCulture, $"{footer} (the footer is damaged)"));
        }

        stream.Position = 0;
    }

    // Names what the file seems to be: text (a CSV under the wrong name) or unknown bytes.
    private static string Describe(ReadOnlySpan<byte> head, long length)
    {
        var text = Encoding.UTF8.GetString(head);
        var printable = !text.Contains('\uFFFD') && text.All(ch => !char.IsControl(ch) || ch is '\r' or '\n' or '\t');
        var firstLine = text.Split('\n')[0].TrimEnd('\r');
        return printable
            ? $"text starting {CsvFormatException.Quote(firstLine)} (a CSV file? name it .csv)"
            : string.Create(CultureInfo.InvariantCulture, $"{length} bytes without it");
    }
}
