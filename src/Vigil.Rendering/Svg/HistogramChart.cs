using System.Globalization;

namespace Vigil.Rendering.Svg;

/// <summary>
/// Grouped bars of two distributions over the same bins (reference vs current), y in percent of rows.
/// Bins whose shares are not finite are drawn empty.
/// </summary>
internal static class HistogramChart
{
    private const double Left = 40, Right = 8, Top = 26, BottomFlat = 30;

    public static string Render(IReadOnlyList<string> labels, IReadOnlyList<double> first, IReadOnlyList<double> second,
        string firstName = "reference", string secondName = "current", double width = 400, double height = 200,
        string? title = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        // With no current shares (e.g. an old stored result) the reference bars are drawn alone.
        var single = second.Count == 0;
        var n = Math.Min(labels.Count, single ? first.Count : Math.Min(first.Count, second.Count));
        var plotRight = width - Right;
        var bandWidth = n == 0 ? 0 : (plotRight - Left) / n;
        // Rotate bin labels when they would not fit side by side.
        var longest = n == 0 ? 0 : labels.Take(n).Max(l => l.Length);
        var rotate = longest * 5.6 > bandWidth - 4;
        var maxChars = rotate ? 14 : Math.Max(3, (int)((bandWidth - 4) / 5.6));
        // Rotated labels need room for their longest (cut) label at 40 degrees: about 3.7 units per character.
        var plotBottom = height - (rotate ? 18 + (Math.Min(longest, maxChars) * 3.7) : BottomFlat);

        var w = new SvgWriter(width, height, title ?? "distribution", "chart histogram");
        var max = 0.0;
        for (var i = 0; i < n; i++)
        {
            max = Math.Max(max, Finite(first[i]));
            max = single ? max : Math.Max(max, Finite(second[i]));
        }

        var nice = NiceTicks.For(0, max <= 0 ? 1 : max, 4);
        var y = new LinearScale(0, nice.Max, plotBottom, Top);
        Axis.NumericY(w, y, nice.Ticks, nice.Step, Left, plotRight, v => Percent(v, nice.Step));
        w.Line(Left, plotBottom, plotRight, plotBottom, ChartColors.AxisLine);

        var barWidth = Math.Max(1, (bandWidth * 0.8) / (single ? 1 : 2));
        for (var i = 0; i < n; i++)
        {
            var x0 = Left + (i * bandWidth) + (bandWidth * 0.1);
            Bar(w, x0, barWidth, y, first[i], ChartColors.Reference, $"{labels[i]} — {firstName}: {Percent(first[i], 0.001)}");
            if (!single)
            {
                Bar(w, x0 + barWidth, barWidth, y, second[i], ChartColors.Current, $"{labels[i]} — {secondName}: {Percent(second[i], 0.001)}");
            }
            var cx = Left + ((i + 0.5) * bandWidth);
            var label = Axis.Truncate(labels[i], maxChars);
            if (rotate)
            {
                var ty = plotBottom + 10;
                w.Text(cx, ty, label, "end", 9.5, ChartColors.Muted,
                    extra: $"transform=\"rotate(-40 {SvgWriter.Num(cx)} {SvgWriter.Num(ty)})\"");
            }
            else
            {
                w.Text(cx, plotBottom + 14, label, "middle", 9.5, ChartColors.Muted);
            }
        }

        // Legend in the top-left corner.
        w.Rect(Left, 7, 10, 10, ChartColors.Reference, rx: 2);
        w.Text(Left + 14, 16, firstName, "start", 10.5, ChartColors.Ink);
        var lx = Left + 14 + (firstName.Length * 6) + 14;
        w.Rect(lx, 7, 10, 10, ChartColors.Current, rx: 2);
        w.Text(lx + 14, 16, secondName, "start", 10.5, ChartColors.Ink);
        return w.ToString();
    }

    private static void Bar(SvgWriter w, double x, double width, LinearScale y, double share, string fill, string tip)
    {
        if (!double.IsFinite(share) || share <= 0)
        {
            return;
        }

        var top = y.MapClamped(share);
        w.Open("rect", ("x", x), ("y", top), ("width", width), ("height", Math.Max(0.5, y.RangeMin - top)), ("fill", fill))
            .Title(tip).Close();
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private static string Percent(double share, double step)
    {
        if (!double.IsFinite(share))
        {
            return "n/a";
        }

        var decimals = Math.Max(0, NiceTicks.Decimals(step) - 2);
        return (share * 100).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%";
    }
}
