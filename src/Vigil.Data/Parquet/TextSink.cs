using System.Text;
using Parquet;
using Parquet.Schema;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// STRING (and binary that is UTF-8 text, and UUIDs) as a <see cref="CategoricalColumn"/>. Categories keep the order in
/// which rows first show them, as in the CSV reader, whatever order a dictionary page lists them in; a null is
/// missing. Unlike CSV text, no string is a missing marker: "NA" in a Parquet string column is the text "NA".
/// Binary values that are not UTF-8 are an error naming the row.
/// </summary>
internal sealed class TextSink(DataField field, int rows) : ColumnSink(field, rows)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly int[] _codes = new int[rows];
    private readonly Dictionary<string, int> _lookup = new(StringComparer.Ordinal);
    private readonly List<string> _categories = [];
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpanLookup => _lookup.GetAlternateLookup<ReadOnlySpan<char>>();

    public override async Task ReadAsync(ParquetRowGroupReader group, int offset, int count, string source)
    {
        var type = Field.ClrType;
        if (type == typeof(ReadOnlyMemory<char>))
        {
            // Text as spans over the decoded page: a category costs one string however many rows repeat it.
            var values = await Values<ReadOnlyMemory<char>>(group, count).ConfigureAwait(false);
            var lookup = SpanLookup;
            for (var i = 0; i < count; i++)
            {
                _codes[offset + i] = values[i] is { } text ? Code(text.Span, lookup) : CategoricalColumn.MissingCode;
            }
        }
        else if (type == typeof(ReadOnlyMemory<byte>))
        {
            var values = await Values<ReadOnlyMemory<byte>>(group, count).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                _codes[offset + i] = Code(values[i] is { } bytes ? Decode(bytes.Span, offset + i, source) : null);
            }
        }
        else if (type == typeof(Guid))
        {
            var values = await Values<Guid>(group, count).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                _codes[offset + i] = Code(values[i]?.ToString("D"));
            }
        }
        else
        {
            throw Unexpected();
        }
    }

    public override Column Build() => new CategoricalColumn(Name, _codes, _categories.ToArray());

    private int Code(string? value)
    {
        if (value is null)
        {
            return CategoricalColumn.MissingCode;
        }

        if (!_lookup.TryGetValue(value, out var code))
        {
            code = _categories.Count;
            _lookup.Add(value, code);
            _categories.Add(value);
        }

        return code;
    }

    private int Code(ReadOnlySpan<char> value, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup)
    {
        if (!lookup.TryGetValue(value, out var code))
        {
            code = _categories.Count;
            var text = value.ToString();
            _lookup.Add(text, code);
            _categories.Add(text);
        }

        return code;
    }

    private string Decode(ReadOnlySpan<byte> bytes, int row, string source)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ParquetFormatException(source, row + 1, Name, "text (a binary column is read when it holds UTF-8 text)",
                $"{bytes.Length} bytes that are not UTF-8 (binary data is not supported)");
        }
    }
}
