using System.Globalization;

namespace Vigil.Rendering.Svg;

/// <summary>Draws gridlines, tick marks and tick labels for the charts.</summary>
internal static class Axis
{
    /// <summary>Horizontal gridlines and left-hand labels for every tick of a numeric y axis.</summary>
    public static void NumericY(SvgWriter w, LinearScale y, IReadOnlyList<double> ticks, double step, double left,
        double right, Func<double, string>? format = null)
    {
        var decimals = NiceTicks.Decimals(step);
        format ??= v => v.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        foreach (var t in ticks)
        {
            var py = y.Map(t);
            if (!double.IsFinite(py))
            {
                continue;
            }

            w.Line(left, py, right, py, ChartColors.Grid);
            w.Text(left - 8, py + 4, format(t), "end", 11, ChartColors.Muted, extra: "font-variant-numeric=\"tabular-nums\"");
        }
    }

    /// <summary>A time x axis: baseline, tick marks and labels under <paramref name="bottom"/>.</summary>
    public static void TimeX(SvgWriter w, LinearScale x, IReadOnlyList<(DateTimeOffset At, string Label)> ticks,
        double bottom, double left, double right, double? gridTop = null)
    {
        w.Line(left, bottom, right, bottom, ChartColors.AxisLine);
        var lastEnd = double.NegativeInfinity;
        foreach (var (at, label) in ticks)
        {
            var px = x.Map(ToSeconds(at));
            if (!double.IsFinite(px) || px < left - 0.5 || px > right + 0.5)
            {
                continue;
            }

            if (gridTop is { } top)
            {
                w.Line(px, top, px, bottom, ChartColors.Grid, 1, "2 3");
            }

            w.Line(px, bottom, px, bottom + 4, ChartColors.AxisLine);
            // Skip a label that would collide with the previous one (≈6.2 px per character at 11 px).
            var half = label.Length * 3.1;
            if (px - half < lastEnd + 6)
            {
                continue;
            }

            w.Text(px, bottom + 17, label, "middle", 11, ChartColors.Muted);
            lastEnd = px + half;
        }
    }

    /// <summary>Seconds since the Unix epoch, the numeric form of a time axis.</summary>
    public static double ToSeconds(DateTimeOffset t) => t.ToUnixTimeMilliseconds() / 1000.0;

    /// <summary>Cuts a label to <paramref name="maxChars"/>, ending with an ellipsis when cut.</summary>
    public static string Truncate(string text, int maxChars) =>
        text.Length <= maxChars ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxChars - 1)), "…");
}
