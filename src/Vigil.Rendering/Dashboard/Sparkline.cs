using System.Text;
using Vigil.Rendering.Svg;

namespace Vigil.Rendering.Dashboard;

/// <summary>The primary metric over recent checks, with the baseline dotted: direction at a glance.</summary>
internal static class Sparkline
{
    private const double W = 120, H = 28, Pad = 3;

    /// <param name="values">At least two finite values, oldest first.</param>
    public static string Render(IReadOnlyList<double> values, double? baseline, string label)
    {
        var all = baseline is { } b && double.IsFinite(b) ? values.Append(b).ToArray() : values.ToArray();
        var (lo, hi) = (all.Min(), all.Max());
        if (hi - lo < 1e-9)
        {
            (lo, hi) = (lo - 0.5, hi + 0.5);
        }

        double X(int i) => Pad + (i * (W - (2 * Pad)) / (values.Count - 1));
        double Y(double v) => H - Pad - ((v - lo) / (hi - lo) * (H - (2 * Pad)));
        var w = new SvgWriter(W, H, label, "spark");
        if (baseline is { } line && double.IsFinite(line))
        {
            w.Line(Pad, Y(line), W - Pad, Y(line), ChartColors.Baseline, 1, "2 2");
        }

        var d = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            d.Append(i == 0 ? "M" : " L").Append(SvgWriter.Num(X(i))).Append(' ').Append(SvgWriter.Num(Y(values[i])));
        }

        w.Empty("path", ("d", d.ToString()), ("fill", "none"), ("stroke", ChartColors.Primary), ("stroke-width", 1.75), ("stroke-linejoin", "round"));
        w.Empty("circle", ("cx", X(values.Count - 1)), ("cy", Y(values[^1])), ("r", 2.6), ("fill", ChartColors.Primary));
        return w.ToString();
    }
}
