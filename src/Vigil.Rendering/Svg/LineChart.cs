using System.Globalization;
using System.Text;

namespace Vigil.Rendering.Svg;

/// <summary>
/// A time-series line with points, interval whiskers, a baseline, a shaded degraded zone beyond a threshold and
/// vertical annotations. Non-finite values are skipped (the line breaks there) so the SVG stays valid.
/// </summary>
internal static class LineChart
{
    private const double Left = 60, Right = 74, Top = 44, Bottom = 34;

    public static string Render(IReadOnlyList<LineChartPoint> points, LineChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(options);
        var w = new SvgWriter(options.Width, options.Height, options.SeriesName + " over time", "chart line-chart");
        var finite = points.Where(p => double.IsFinite(p.Value)).ToList();
        var plotRight = options.Width - Right;
        var plotBottom = options.Height - Bottom;

        var (x, timeTicks) = TimeScale(points, options.Markers, plotRight);
        var (y, yTicks, yStep) = ValueScale(finite, options, plotBottom);

        DrawZone(w, y, options, plotRight);
        Axis.NumericY(w, y, yTicks, yStep, Left, plotRight);
        Axis.TimeX(w, x, timeTicks, plotBottom, Left, plotRight);
        DrawReferenceLines(w, x, y, options, plotRight);
        DrawMarkers(w, x, options.Markers, plotBottom);
        DrawSeries(w, x, y, points);
        DrawLegend(w, options, points);
        return w.ToString();
    }

    private static (LinearScale X, IReadOnlyList<(DateTimeOffset, string)> Ticks) TimeScale(
        IReadOnlyList<LineChartPoint> points, IReadOnlyList<ChartMarker> markers, double plotRight)
    {
        var times = points.Select(p => p.At).Concat(markers.Select(m => m.At)).ToList();
        var start = times.Count == 0 ? DateTimeOffset.UnixEpoch : times.Min();
        var end = times.Count == 0 ? start.AddDays(1) : times.Max();
        // A little air on both sides so end points and their whiskers are not cut by the plot edge.
        (start, end) = TimeRange.Padded(start, end);
        var scale = new LinearScale(Axis.ToSeconds(start), Axis.ToSeconds(end), Left, plotRight);
        return (scale, TimeTicks.For(start, end, 7));
    }

    private static (LinearScale Y, IReadOnlyList<double> Ticks, double Step) ValueScale(
        List<LineChartPoint> finite, LineChartOptions options, double plotBottom)
    {
        var values = new List<double>();
        foreach (var p in finite)
        {
            values.Add(p.Value);
            if (p.Low is { } lo && double.IsFinite(lo))
            {
                values.Add(lo);
            }

            if (p.High is { } hi && double.IsFinite(hi))
            {
                values.Add(hi);
            }
        }

        if (options.Baseline is { } b && double.IsFinite(b))
        {
            values.Add(b);
        }

        if (options.Threshold is { } t && double.IsFinite(t))
        {
            values.Add(t);
        }

        values.AddRange(options.BaselineSteps.Select(s => s.Value).Where(double.IsFinite));
        var min = values.Count == 0 ? 0 : values.Min();
        var max = values.Count == 0 ? 1 : values.Max();
        var nice = NiceTicks.For(min, max, 5);
        return (new LinearScale(nice.Min, nice.Max, plotBottom, Top), nice.Ticks, nice.Step);
    }

    private static void DrawZone(SvgWriter w, LinearScale y, LineChartOptions o, double plotRight)
    {
        if (o.Threshold is not { } t || !double.IsFinite(t))
        {
            return;
        }

        var ty = y.MapClamped(t);
        var (top, bottom) = o.HigherIsBetter ? (ty, y.RangeMin) : (y.RangeMax, ty);
        w.Open("rect", ("x", Left), ("y", top), ("width", plotRight - Left), ("height", Math.Max(0, bottom - top)),
                ("fill", ChartColors.BadZone), ("fill-opacity", 0.7))
            .Title("Degraded zone: " + (o.HigherIsBetter ? "below " : "above ") + Fmt(t)).Close();
    }

    private static void DrawReferenceLines(SvgWriter w, LinearScale x, LinearScale y, LineChartOptions o, double plotRight)
    {
        var steps = o.BaselineSteps.Where(s => double.IsFinite(s.Value)).ToList();
        if (steps.Count >= 2)
        {
            DrawBaselineSteps(w, x, y, steps, plotRight);
            o = o with { Baseline = steps[^1].Value }; // the margin label names the current champion's baseline
        }

        // Labels sit in the right margin, off the data, and are pushed apart when the two lines are close.
        double? ty = o.Threshold is { } t && double.IsFinite(t) ? y.MapClamped(t) : null;
        double? by = o.Baseline is { } b && double.IsFinite(b) ? y.MapClamped(b) : null;
        var (tLabel, bLabel) = (ty, by);
        if (ty is { } a && by is { } c && Math.Abs(a - c) < 26)
        {
            var mid = (a + c) / 2;
            (tLabel, bLabel) = a >= c ? (mid + 13, mid - 13) : (mid - 13, mid + 13);
        }

        if (ty is { } tyv)
        {
            w.Line(Left, tyv, plotRight, tyv, ChartColors.Bad, 1.25, "5 4");
            MarginLabel(w, plotRight, tLabel!.Value, "threshold", Fmt(o.Threshold!.Value), ChartColors.Bad);
        }

        if (by is { } byv)
        {
            if (steps.Count < 2)
            {
                w.Line(Left, byv, plotRight, byv, ChartColors.Baseline, 1.25, "2 3");
            }

            MarginLabel(w, plotRight, bLabel!.Value, "baseline", Fmt(o.Baseline!.Value), ChartColors.Baseline);
        }
    }

    // One dotted segment per champion version, joined by a vertical at each promotion; each segment says whose it is.
    private static void DrawBaselineSteps(SvgWriter w, LinearScale x, LinearScale y, List<(DateTimeOffset From, double Value, string Label)> steps, double plotRight)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var from = i == 0 ? Left : Math.Clamp(x.Map(Axis.ToSeconds(steps[i].From)), Left, plotRight);
            var to = i == steps.Count - 1 ? plotRight : Math.Clamp(x.Map(Axis.ToSeconds(steps[i + 1].From)), Left, plotRight);
            var level = y.MapClamped(steps[i].Value);
            w.Open("line", ("x1", from), ("y1", level), ("x2", to), ("y2", level), ("stroke", ChartColors.Baseline), ("stroke-width", 1.25),
                    ("stroke-dasharray", "2 3"), ("class", "baseline-step"))
                .Title("Baseline of " + steps[i].Label + ": " + Fmt(steps[i].Value)).Close();
            if (i > 0)
            {
                w.Line(from, y.MapClamped(steps[i - 1].Value), from, level, ChartColors.Baseline, 1.25, "2 3");
            }
        }
    }

    private static void MarginLabel(SvgWriter w, double plotRight, double y, string name, string value, string color)
    {
        w.Text(plotRight + 6, y - 2, name, "start", 10, color, "600");
        w.Text(plotRight + 6, y + 10, value, "start", 10.5, color, extra: "font-variant-numeric=\"tabular-nums\"");
    }

    private static void DrawMarkers(SvgWriter w, LinearScale x, IReadOnlyList<ChartMarker> markers, double plotBottom)
    {
        foreach (var m in markers)
        {
            var px = x.Map(Axis.ToSeconds(m.At));
            w.Open("g");
            if (m.Tooltip is not null)
            {
                w.Title(m.Tooltip);
            }

            w.Line(px, Top - 4, px, plotBottom, m.Color, 1.25, "1 3");
            w.Text(px, Top - 8, m.Label, "middle", 10, m.Color, "600");
            w.Close();
        }
    }

    private static void DrawSeries(SvgWriter w, LinearScale x, LinearScale y, IReadOnlyList<LineChartPoint> points)
    {
        // Whiskers first so the line and points sit on top.
        foreach (var p in points)
        {
            if (!double.IsFinite(p.Value) || p.Low is not { } lo || p.High is not { } hi || !SvgWriter.AllFinite(lo, hi))
            {
                continue;
            }

            var px = x.Map(Axis.ToSeconds(p.At));
            var (ly, hy) = (y.Map(lo), y.Map(hi));
            w.Line(px, ly, px, hy, ChartColors.Whisker, 2);
            w.Line(px - 4, ly, px + 4, ly, ChartColors.Whisker, 2);
            w.Line(px - 4, hy, px + 4, hy, ChartColors.Whisker, 2);
        }

        var path = new StringBuilder();
        var penDown = false;
        foreach (var p in points)
        {
            if (!double.IsFinite(p.Value))
            {
                penDown = false;
                continue;
            }

            path.Append(penDown ? " L" : " M").Append(SvgWriter.Num(x.Map(Axis.ToSeconds(p.At)))).Append(' ')
                .Append(SvgWriter.Num(y.Map(p.Value)));
            penDown = true;
        }

        if (path.Length > 0)
        {
            w.Empty("path", ("d", path.ToString().Trim()), ("fill", "none"), ("stroke", ChartColors.Primary),
                ("stroke-width", 2.25), ("stroke-linejoin", "round"), ("stroke-linecap", "round"));
        }

        foreach (var p in points)
        {
            if (!double.IsFinite(p.Value))
            {
                continue;
            }

            var (px, py) = (x.Map(Axis.ToSeconds(p.At)), y.Map(p.Value));
            var tip = p.Tooltip ?? p.At.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) + ": " + Fmt(p.Value);
            if (p.Flagged)
            {
                Markers.Draw(w, MarkerShape.Circle, px, py, 5.5, ChartColors.Bad, "#ffffff", tip);
            }
            else
            {
                w.Open("circle", ("cx", px), ("cy", py), ("r", 4.5), ("fill", "#ffffff"), ("stroke", ChartColors.Primary),
                    ("stroke-width", 2)).Title(tip).Close();
            }
        }
    }

    private static void DrawLegend(SvgWriter w, LineChartOptions o, IReadOnlyList<LineChartPoint> points)
    {
        var lx = Left;
        const double ly = 16;
        void Item(string label, Action<double> glyph)
        {
            glyph(lx);
            w.Text(lx + 24, ly + 4, label, "start", 11, ChartColors.Ink);
            lx += 24 + (label.Length * 6.4) + 18;
        }

        w.Open("g", ("class", "legend"));
        Item(o.SeriesName, gx =>
        {
            w.Line(gx, ly, gx + 18, ly, ChartColors.Primary, 2.25);
            w.Empty("circle", ("cx", gx + 9), ("cy", ly), ("r", 3.5), ("fill", "#ffffff"), ("stroke", ChartColors.Primary), ("stroke-width", 2));
        });
        if (points.Any(p => p.Low is not null && p.High is not null))
        {
            Item(o.IntervalName, gx =>
            {
                w.Line(gx + 9, ly - 6, gx + 9, ly + 6, ChartColors.Whisker, 2);
                w.Line(gx + 5, ly - 6, gx + 13, ly - 6, ChartColors.Whisker, 2);
                w.Line(gx + 5, ly + 6, gx + 13, ly + 6, ChartColors.Whisker, 2);
            });
        }

        if (o.Baseline is { } b && double.IsFinite(b))
        {
            Item("baseline", gx => w.Line(gx, ly, gx + 18, ly, ChartColors.Baseline, 1.5, "2 3"));
        }

        if (o.Threshold is { } t && double.IsFinite(t))
        {
            Item("degraded zone", gx =>
            {
                w.Rect(gx, ly - 6, 18, 12, ChartColors.BadZone);
                w.Line(gx, o.HigherIsBetter ? ly - 6 : ly + 6, gx + 18, o.HigherIsBetter ? ly - 6 : ly + 6, ChartColors.Bad, 1.25, "3 2");
            });
        }

        if (points.Any(p => p.Flagged && double.IsFinite(p.Value)))
        {
            Item(o.FlaggedName, gx => w.Empty("circle", ("cx", gx + 9), ("cy", ly), ("r", 5), ("fill", ChartColors.Bad)));
        }

        w.Close();
    }

    private static string Fmt(double v) => v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
