namespace Vigil.Rendering.Svg;

/// <summary>
/// Time arithmetic for chart axes that cannot overflow. Logged rows may carry any instant .NET can hold (year 1, year
/// 9999: a client's unset date or broken clock), and padding such a range by plain <c>+</c> / <c>-</c> threw, so one
/// such row made every page that charts the model's history answer 500. Results saturate at the representable ends.
/// </summary>
internal static class TimeRange
{
    /// <summary>[start, end] widened by <paramref name="share"/> of its span on each side (12 hours when it is empty).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Padded(DateTimeOffset start, DateTimeOffset end, double share = 0.04)
    {
        // Any two instants are at most ~3.2e18 ticks apart, well inside a TimeSpan.
        var span = end - start;
        var pad = span <= TimeSpan.Zero ? TimeSpan.FromHours(12) : span * share;
        return (Minus(start, pad), Plus(end, pad));
    }

    /// <summary><paramref name="t"/> + <paramref name="by"/> (by ≥ 0), at most <see cref="DateTimeOffset.MaxValue"/>.</summary>
    public static DateTimeOffset Plus(DateTimeOffset t, TimeSpan by) =>
        DateTimeOffset.MaxValue.UtcTicks - t.UtcTicks <= by.Ticks ? DateTimeOffset.MaxValue : t.ToUniversalTime() + by;

    /// <summary><paramref name="t"/> − <paramref name="by"/> (by ≥ 0), at least <see cref="DateTimeOffset.MinValue"/>.</summary>
    public static DateTimeOffset Minus(DateTimeOffset t, TimeSpan by) =>
        t.UtcTicks - DateTimeOffset.MinValue.UtcTicks <= by.Ticks ? DateTimeOffset.MinValue : t.ToUniversalTime() - by;

    /// <summary>True when <paramref name="t"/> + <paramref name="by"/> is representable.</summary>
    public static bool CanAdd(DateTimeOffset t, TimeSpan by) => DateTimeOffset.MaxValue.UtcTicks - t.UtcTicks >= by.Ticks;
}
