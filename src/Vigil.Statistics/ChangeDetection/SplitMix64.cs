namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, 2014): a small seeded generator whose whole state is one 64-bit word, so a
/// detector that samples (KSWIN) can be saved and restored mid-stream and continue with the same draws.
/// </summary>
internal struct SplitMix64(ulong state)
{
    public ulong State { get; private set; } = state;

    public ulong Next()
    {
        State += 0x9E3779B97F4A7C15UL;
        var z = State;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        var threshold = (0UL - (ulong)bound) % (ulong)bound;
        while (true)
        {
            var product = Math.BigMul(Next(), (ulong)bound, out var low);
            if (low >= threshold)
            {
                return (int)product;
            }
        }
    }
}
