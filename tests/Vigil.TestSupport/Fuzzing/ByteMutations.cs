using FsCheck;
using FsCheck.Fluent;

namespace Vigil.TestSupport.Fuzzing;

/// <summary>
/// FsCheck generators of hostile inputs for the readers of untrusted bytes: arbitrary byte arrays, and valid inputs
/// damaged the way files and bodies get damaged — truncated, bytes flipped, quotes, newlines, NULs, delimiters or
/// invalid UTF-8 inserted, ranges deleted or repeated. Shrinking keeps the failing case small.
/// </summary>
public static class ByteMutations
{
    /// <summary>Byte runs worth inserting: structure characters of CSV, JSON and paths, and invalid UTF-8.</summary>
    private static readonly byte[][] Inserts =
    [
        "\""u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(), [0], ","u8.ToArray(), ";"u8.ToArray(),
        "\t"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), ":"u8.ToArray(),
        "\\"u8.ToArray(), "../"u8.ToArray(), "/"u8.ToArray(), "null"u8.ToArray(), "1e999"u8.ToArray(), "-"u8.ToArray(),
        [0xFF], [0xFE], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE9], [0xEF, 0xBB, 0xBF],
    ];

    /// <summary>Any byte array (FsCheck's own, up to its size).</summary>
    public static Arbitrary<byte[]> AnyBytes() => ArbMap.Default.ArbFor<byte[]>();

    /// <summary>One of <paramref name="seeds"/> damaged by one to four mutations.</summary>
    public static Arbitrary<byte[]> Mutated(params byte[][] seeds)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Length == 0)
        {
            throw new ArgumentException("Give at least one valid input to mutate.", nameof(seeds));
        }

        var gen =
            from seed in Gen.Elements(seeds)
            from count in Gen.Choose(1, 4)
            from steps in Gen.ArrayOf(Mutation(), count)
            select steps.Aggregate(seed, (bytes, step) => step(bytes));
        return gen.ToArbitrary();
    }

    /// <summary>A mutation as a function of the input; positions are fractions so one step fits any length.</summary>
    private static Gen<Func<byte[], byte[]>> Mutation()
    {
        var at = Gen.Choose(0, 1000).Select(p => p / 1000.0);
        return Gen.OneOf(
            at.Select<double, Func<byte[], byte[]>>(p => b => b[..Index(b, p)]),
            from p in at
            from mask in Gen.Choose(1, 255)
            select (Func<byte[], byte[]>)(b => Flip(b, p, (byte)mask)),
            from p in at
            from insert in Gen.Elements(Inserts)
            select (Func<byte[], byte[]>)(b => [.. b[..Index(b, p)], .. insert, .. b[Index(b, p)..]]),
            from p in at
            from length in Gen.Choose(1, 16)
            select (Func<byte[], byte[]>)(b => [.. b[..Index(b, p)], .. b[Math.Min(b.Length, Index(b, p) + length)..]]),
            from p in at
            from length in Gen.Choose(1, 16)
            select (Func<byte[], byte[]>)(b => Repeat(b, Index(b, p), length)));
    }

    private static int Index(byte[] bytes, double fraction) => (int)Math.Round(fraction * bytes.Length);

    private static byte[] Flip(byte[] bytes, double fraction, byte mask)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[Math.Min(copy.Length - 1, Index(bytes, fraction))] ^= mask;
        return copy;
    }

    private static byte[] Repeat(byte[] bytes, int start, int length)
    {
        var end = Math.Min(bytes.Length, start + length);
        return [.. bytes[..end], .. bytes[start..end], .. bytes[end..]];
    }
}
