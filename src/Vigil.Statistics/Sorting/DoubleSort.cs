using System.Buffers;

namespace Vigil.Statistics.Sorting;

/// <summary>
/// Sorts doubles ascending. Large arrays use an LSD radix sort on the IEEE-754 bit pattern mapped to an order-preserving
/// unsigned key (six 11-bit passes, passes where every key shares the digit skipped), which is several times faster
/// than a comparison sort for the million-row columns drift checks sort. Small arrays use <see cref="Array.Sort(Array)"/>.
/// NaN must be removed first (the result is unspecified with NaN); -0.0 sorts before +0.0.
/// </summary>
public static class DoubleSort
{
    private const int RadixThreshold = 4096;
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;

    /// <summary>Sorts <paramref name="values"/> in place, ascending.</summary>
    public static void Sort(Span<double> values)
    {
        if (values.Length < RadixThreshold)
        {
            values.Sort();
            return;
        }

        var n = values.Length;
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var buffer = ArrayPool<ulong>.Shared.Rent(n);
        var counts = new int[Passes * Buckets];
        try
        {
            for (var i = 0; i < n; i++)
            {
                var key = ToKey(values[i]);
                keys[i] = key;
                for (var p = 0; p < Passes; p++)
                {
                    counts[(p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
                }
            }

            var source = keys;
            var target = buffer;
            for (var p = 0; p < Passes; p++)
            {
                var histogram = counts.AsSpan(p * Buckets, Buckets);
                var shift = p * DigitBits;
                if (histogram[(int)((source[0] >> shift) & (Buckets - 1))] == n)
                {
                    continue; // every key has the same digit here: the pass would not move anything
                }

                // Exclusive prefix sums turn counts into start offsets.
                var offset = 0;
                for (var b = 0; b < Buckets; b++)
                {
                    var c = histogram[b];
                    histogram[b] = offset;
                    offset += c;
                }

                for (var i = 0; i < n; i++)
                {
                    var key = source[i];
                    target[histogram[(int)((key >> shift) & (Buckets - 1))]++] = key;
                }

                (source, target) = (target, source);
            }

            for (var i = 0; i < n; i++)
            {
                values[i] = FromKey(source[i]);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<ulong>.Shared.Return(buffer);
        }
    }

    // Flip all bits of negatives and only the sign bit of positives, so unsigned order equals numeric order.
    private static ulong ToKey(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    private static double FromKey(ulong key)
    {
        var bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }
}
