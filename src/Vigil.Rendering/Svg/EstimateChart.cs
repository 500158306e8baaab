using System.Globalization;
using System.Text;
using Vigil.Monitoring.Reporting.Model;

namespace Vigil.Rendering.Svg;

/// <summary>
/// An estimated metric over time: the estimate as a dashed line inside its shaded band, the realised value (once the
/// window's labels are known) as a solid line with points, the holdout baseline dotted and the degradation threshold
/// dashed red. Degraded estimates are drawn as red rings. Non-finite values are skipped.
/// </summary>
internal static class EstimateChart
{
    private const double Left = 60, Right = 74, Top = 44, Bottom = 34;
    private const string Band = "#dbeafe";
    private const string Realised = "#0f172a";

    public static string Render(EstimatedSeries series, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(series);
        var name = series.Metric + (series.HigherIsBetter ? " (higher is better)" : " (lower is better)");
        var w = new SvgWriter(width, height, "estimated " + series.Metric + " over time", "chart estimate-chart");
        var points = series.Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.At).ToList();
        var plotRight = width - Right;
        var plotBottom = height - Bottom;
        var (x, ticks) = TimeScale(points, plotRight);
        var (y, yTicks, step) = ValueScale(points, series, plotBottom);

        Axis.NumericY(w, y, yTicks, step, Left, plotRight);
        Axis.TimeX(w, x, ticks, plotBottom, Left, plotRight);
        Reference(w, y, series.Threshold, "threshold", ChartColors.Bad, "5 4", plotRight);
        Reference(w, y, series.Baseline, "baseline", ChartColors.Baseline, "2 3", plotRight);
        DrawBand(w, x, y, points);
        DrawLine(w, x, y, points.Select(p => (p.At, p.Value)).ToList(), ChartColors.Primary, "6 4");
        DrawLine(w, x, y, points.Where(p => p.Realised is { } r && double.IsFinite(r)).Select(p => (p.At, p.Realised!.Value)).ToList(), Realised, null);
        DrawPoints(w, x, y, series, points);
        Legend(w, name, points.Any(p => p.Realised is not null));
        return w.ToString();
    }

    private static (LinearScale X, IReadOnlyList<(DateTimeOffset, string)> Ticks) TimeScale(List<EstimatedPoint> points, double plotRight)
    {
        var start = points.Count == 0 ? DateTimeOffset.UnixEpoch : points[0].At;
        var end = points.Count == 0 ? start.AddDays(1) : points[^1].At;
        (start, end) = TimeRange.Padded(start, end);
        return (new LinearScale(Axis.ToSeconds(start), Axis.ToSeconds(end), Left, plotRight), TimeTicks.For(start, end, 7));
    }

    private static (LinearScale Y, IReadOnlyList<double> Ticks, double Step) ValueScale(List<EstimatedPoint> points, EstimatedSeries s, double plotBottom)
    {
        var values = points.SelectMany(p => new[] { p.Value, p.Lower ?? double.NaN, p.Upper ?? double.NaN, p.Realised ?? double.NaN })
            .Append(s.Baseline ?? double.NaN).Append(s.Threshold ?? double.NaN).Where(double.IsFinite).ToList();
        var nice = NiceTicks.For(values.Count == 0 ? 0 : values.Min(), values.Count == 0 ? 1 : values.Max(), 5);
        return (new LinearScale(nice.Min, nice.Max, plotBottom, Top), nice.Ticks, nice.Step);
    }

    private static void Reference(SvgWriter w, LinearScale y, double? value, string label, string color, string dash, double plotRight)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            return;
        }

        var py = y.MapClamped(v);
        w.Line(Left, py, plotRight, py, color, 1.25, dash);
        w.Text(plotRight + 6, py - 2, label, "start", 10, color, "600");
        w.Text(plotRight + 6, py + 10, Fmt(v), "start", 10.5, color, extra: "font-variant-numeric=\"tabular-nums\"");
    }

    // The band as one polygon: upper ends left to right, then lower ends back.
    private static void DrawBand(SvgWriter w, LinearScale x, LinearScale y, List<EstimatedPoint> points)
    {
        var banded = points.Where(p => p.Lower is { } lo && p.Upper is { } hi && double.IsFinite(lo) && double.IsFinite(hi)).ToList();
        if (banded.Count == 0)
        {
            return;
        }

        var path = new StringBuilder();
        foreach (var p in banded)
        {
            path.Append(path.Length == 0 ? "M" : " L").Append(SvgWriter.Num(x.Map(Axis.ToSeconds(p.At)))).Append(' ').Append(SvgWriter.Num(y.Map(p.Upper!.Value)));
        }

        for (var i = banded.Count - 1; i >= 0; i--)
        {
            path.Append(" L").Append(SvgWriter.Num(x.Map(Axis.ToSeconds(banded[i].At)))).Append(' ').Append(SvgWriter.Num(y.Map(banded[i].Lower!.Value)));
        }

        if (banded.Count == 1)
        {
            // A single window: a short bar instead of a zero-width polygon.
            var px = x.Map(Axis.ToSeconds(banded[0].At));
            w.Rect(px - 6, y.Map(banded[0].Upper!.Value), 12, Math.Max(0, y.Map(banded[0].Lower!.Value) - y.Map(banded[0].Upper!.Value)), Band);
            return;
        }

        w.Empty("path", ("d", path.Append(" Z").ToString()), ("fill", Band), ("fill-opacity", 0.8), ("stroke", "none"));
    }

    private static void DrawLine(SvgWriter w, LinearScale x, LinearScale y, List<(DateTimeOffset At, double Value)> points, string color, string? dash)
    {
        if (points.Count < 2)
        {
            return;
        }

        var d = string.Join(" ", points.Select((p, i) => (i == 0 ? "M" : "L") + SvgWriter.Num(x.Map(Axis.ToSeconds(p.At))) + " " + SvgWriter.Num(y.Map(p.Value))));
        w.Empty("path", ("d", d), ("fill", "none"), ("stroke", color), ("stroke-width", 2), ("stroke-dasharray", dash),
            ("stroke-linejoin", "round"));
    }

    private static void DrawPoints(SvgWriter w, LinearScale x, LinearScale y, EstimatedSeries s, List<EstimatedPoint> points)
    {
        foreach (var p in points)
        {
            var px = x.Map(Axis.ToSeconds(p.At));
            var tip = Tooltip(s, p);
            w.Open("circle", ("cx", px), ("cy", y.Map(p.Value)), ("r", p.Degraded ? 5 : 3.5), ("fill", "#ffffff"),
                ("stroke", p.Degraded ? ChartColors.Bad : ChartColors.Primary), ("stroke-width", 2), ("class", "estimate")).Title(tip).Close();
            if (p.Realised is { } r && double.IsFinite(r))
            {
                w.Open("circle", ("cx", px), ("cy", y.Map(r)), ("r", 4), ("fill", Realised), ("class", "realised")).Title(tip).Close();
            }
        }
    }

    private static string Tooltip(EstimatedSeries s, EstimatedPoint p)
    {
        var text = Html.Format.Time(p.At) + "\nestimated " + s.Metric + " = " + Html.Format.Metric(p.Value);
        if (p.Lower is not null && p.Upper is not null)
        {
            text += " [" + Html.Format.Metric(p.Lower) + ", " + Html.Format.Metric(p.Upper) + "]";
        }

        text += "\n" + Html.Format.Int(p.Rows) + " rows (" + s.Method + ")";
        text += p.Realised is { } r ? "\nrealised = " + Html.Format.Metric(r) : "\nrealised: labels not yet known";
        return p.Degraded ? text + "\nESTIMATED DEGRADED" : text;
    }

    private static void Legend(SvgWriter w, string name, bool realised)
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
        Item("estimated " + name, gx => w.Line(gx, ly, gx + 18, ly, ChartColors.Primary, 2, "6 4"));
        Item("band", gx => w.Rect(gx, ly - 6, 18, 12, Band));
        if (realised)
        {
            Item("realised", gx =>
            {
                w.Line(gx, ly, gx + 18, ly, Realised, 2);
                w.Empty("circle", ("cx", gx + 9), ("cy", ly), ("r", 3.5), ("fill", Realised));
            });
        }

        w.Close();
    }

    private static string Fmt(double v) => v.ToString(Math.Abs(v) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
}
