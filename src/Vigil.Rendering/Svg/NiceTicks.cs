namespace Vigil.Rendering.Svg;

/// <summary>
/// "Nice" axis ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) that cover a data range, so labels read like 0.80, 0.85, 0.90.
/// </summary>
internal static class NiceTicks
{
    /// <summary>
    /// Returns the nice domain [Min, Max] enclosing [min, max] and its ticks (about <paramref name="target"/> of them).
    /// A zero-width range is widened around its value; non-finite input gives [0, 1].
    /// </summary>
    public static (double Min, double Max, double Step, IReadOnlyList<double> Ticks) For(double min, double max,
        int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            (min, max) = (0, 1);
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (max - min < 1e-12 * Math.Max(1, Math.Abs(max)))
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.05;
            (min, max) = (min - pad, max + pad);
        }

        var step = NiceStep((max - min) / Math.Max(1, target));
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        // Count steps as integers so 0.1 + 0.2 drift never adds or loses a tick.
        var n = (int)Math.Round((hi - lo) / step);
        for (var i = 0; i <= n; i++)
        {
            var t = lo + (i * step);
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }

        return (lo, hi, step, ticks);
    }

    /// <summary>The nice step nearest above <paramref name="rough"/>: 1, 2, 2.5 or 5 times a power of ten.</summary>
    public static double NiceStep(double rough)
    {
        if (!double.IsFinite(rough) || rough <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var f = rough / power;
        var nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>Decimals needed to tell ticks of this step apart (0.05 → 2, 2.5 → 1, 10 → 0).</summary>
    public static int Decimals(double step)
    {
        if (!double.IsFinite(step) || step <= 0)
        {
            return 2;
        }

        for (var d = 0; d < 10; d++)
        {
            var scaled = step * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6 * scaled)
            {
                return d;
            }
        }

        return 10;
    }
}
