using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;
using Vigil.Data.Tables;

namespace Vigil.Data.Parquet;

/// <summary>
/// Integers (8 to 64 bits, signed or not), floats, doubles and decimals as a <see cref="NumericColumn"/>; a null is
/// NaN. A 32-bit float becomes the shortest decimal that reads back as the same float (0.1f is 0.1, as in the CSV a
/// tool exports from it), not its binary expansion (0.10000000149011612).
/// </summary>
internal sealed class NumericSink(DataField field, int rows) : ColumnSink(field, rows)
{
    private readonly double[] _values = new double[rows];

    public override Task ReadAsync(ParquetRowGroupReader group, int offset, int count, string source)
    {
        var type = Field.ClrType;
        return type == typeof(double) ? Read<double>(group, offset, count)
            : type == typeof(float) ? ReadFloats(group, offset, count)
            : type == typeof(int) ? Read<int>(group, offset, count)
            : type == typeof(long) ? Read<long>(group, offset, count)
            : type == typeof(short) ? Read<short>(group, offset, count)
            : type == typeof(sbyte) ? Read<sbyte>(group, offset, count)
            : type == typeof(byte) ? Read<byte>(group, offset, count)
            : type == typeof(ushort) ? Read<ushort>(group, offset, count)
            : type == typeof(uint) ? Read<uint>(group, offset, count)
            : type == typeof(ulong) ? Read<ulong>(group, offset, count)
            : type == typeof(decimal) ? Read<decimal>(group, offset, count)
            : throw Unexpected();
    }

    public override Column Build() => new NumericColumn(Name, _values);

    private async Task Read<T>(ParquetRowGroupReader group, int offset, int count)
        where T : struct, INumberBase<T>
    {
        var buffer = await Values<T>(group, count).ConfigureAwait(false);
        var target = _values.AsSpan(offset, count);
        for (var i = 0; i < buffer.Length; i++)
        {
            target[i] = buffer[i] is { } v ? double.CreateSaturating(v) : double.NaN;
        }
    }

    private async Task ReadFloats(ParquetRowGroupReader group, int offset, int count) =>
        Floats(await Values<float>(group, count).ConfigureAwait(false), _values.AsSpan(offset, count));

    private static void Floats(float?[] values, Span<double> target)
    {
        Span<char> text = stackalloc char[32];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } f)
            {
                target[i] = double.NaN;
            }
            else if (!float.IsFinite(f))
            {
                target[i] = f;
            }
            else
            {
                f.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
                target[i] = double.Parse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }
    }
}
