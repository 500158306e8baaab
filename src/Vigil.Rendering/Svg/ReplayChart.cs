using System.Globalization;
using System.Text;

namespace Vigil.Rendering.Svg;

/// <summary>
/// One line per strategy over the replayed batches, with a lane per strategy under the plot marking its retrains
/// (filled triangle: the new model became champion; hollow circle: the champion was kept). Built on the report's
/// SVG primitives so it matches the model report.
/// </summary>
internal static class ReplayChart
{
    private const double Left = 104, Right = 24, Top = 40, LaneHeight = 17, AxisSpace = 38;

    /// <summary>A strategy's line: a value per batch (NaN leaves a gap) and its retrain events.</summary>
    public sealed record Series(string Name, string Color, string? Dash, IReadOnlyList<double> Values,
        IReadOnlyList<bool> Retrained, IReadOnlyList<bool> Promoted);

    public static string Render(IReadOnlyList<Series> series, string title, double width = 1100, double plotHeight = 300, bool lanes = true)
    {
        var laneBlock = lanes ? (series.Count * LaneHeight) + 10 : 0;
        var height = Top + plotHeight + AxisSpace + laneBlock;
        var w = new SvgWriter(width, height, title, "chart replay-chart");
        var plotBottom = Top + plotHeight;
        var plotRight = width - Right;
        var batches = series.Count == 0 ? 1 : series.Max(s => s.Values.Count);
        var x = new LinearScale(-0.5, Math.Max(0.5, batches - 0.5), Left, plotRight);
        var values = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        var nice = NiceTicks.For(values.Count == 0 ? 0 : values.Min(), values.Count == 0 ? 1 : values.Max(), 6);
        var y = new LinearScale(nice.Min, nice.Max, plotBottom, Top);

        Axis.NumericY(w, y, nice.Ticks, nice.Step, Left, plotRight);
        BatchAxis(w, x, batches, plotBottom);
        foreach (var s in series)
        {
            Line(w, x, y, s);
        }

        Legend(w, series);
        if (lanes)
        {
            Lanes(w, x, series, plotBottom + AxisSpace, plotRight);
        }

        return w.ToString();
    }

    private static void BatchAxis(SvgWriter w, LinearScale x, int batches, double bottom)
    {
        w.Line(Left, bottom, x.RangeMax, bottom, ChartColors.AxisLine);
        var step = Math.Max(1, NiceTicks.NiceStep(batches / 10.0));
        for (var b = 0.0; b < batches; b += step)
        {
            var px = x.Map(b);
            w.Line(px, bottom, px, bottom + 4, ChartColors.AxisLine);
            w.Text(px, bottom + 16, ((int)b).ToString(CultureInfo.InvariantCulture), "middle", 11, ChartColors.Muted);
        }

        w.Text((Left + x.RangeMax) / 2, bottom + 31, "replayed batch", "middle", 11, ChartColors.Muted);
    }

    private static void Line(SvgWriter w, LinearScale x, LinearScale y, Series s)
    {
        var path = new StringBuilder();
        var penDown = false;
        for (var i = 0; i < s.Values.Count; i++)
        {
            if (!double.IsFinite(s.Values[i]))
            {
                penDown = false;
                continue;
            }

            path.Append(penDown ? " L" : " M").Append(SvgWriter.Num(x.Map(i))).Append(' ').Append(SvgWriter.Num(y.Map(s.Values[i])));
            penDown = true;
        }

        if (path.Length > 0)
        {
            w.Open("path", ("d", path.ToString().Trim()), ("fill", "none"), ("stroke", s.Color), ("stroke-width", 1.8),
                ("stroke-dasharray", s.Dash), ("stroke-linejoin", "round"), ("stroke-opacity", 0.9)).Title(s.Name).Close();
        }
    }

    private static void Legend(SvgWriter w, IReadOnlyList<Series> series)
    {
        var lx = Left;
        const double ly = 18;
        w.Open("g", ("class", "legend"));
        foreach (var s in series)
        {
            w.Empty("line", ("x1", lx), ("y1", ly), ("x2", lx + 22), ("y2", ly), ("stroke", s.Color), ("stroke-width", 2.5), ("stroke-dasharray", s.Dash));
            w.Text(lx + 28, ly + 4, s.Name, "start", 12, ChartColors.Ink, "600");
            lx += 28 + (s.Name.Length * 7.2) + 22;
        }

        w.Close();
    }

    private static void Lanes(SvgWriter w, LinearScale x, IReadOnlyList<Series> series, double top, double plotRight)
    {
        for (var k = 0; k < series.Count; k++)
        {
            var s = series[k];
            var cy = top + 12 + (k * LaneHeight);
            w.Line(Left, cy, plotRight, cy, ChartColors.Grid);
            w.Text(Left - 8, cy + 4, Axis.Truncate(s.Name, 15), "end", 11, s.Color, "600");
            for (var i = 0; i < s.Retrained.Count; i++)
            {
                if (!s.Retrained[i])
                {
                    continue;
                }

                var tip = string.Create(CultureInfo.InvariantCulture, $"{s.Name}: retrain after batch {i}{(s.Promoted[i] ? ", new champion" : ", champion kept")}");
                if (s.Promoted[i])
                {
                    Markers.Draw(w, MarkerShape.TriangleUp, x.Map(i), cy, 4.2, s.Color, s.Color, tip);
                }
                else
                {
                    Markers.Draw(w, MarkerShape.Circle, x.Map(i), cy, 3.4, "#ffffff", s.Color, tip);
                }
            }
        }
    }
}
