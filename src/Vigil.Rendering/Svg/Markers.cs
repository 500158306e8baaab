using System.Text;

namespace Vigil.Rendering.Svg;

/// <summary>Draws a <see cref="MarkerShape"/> of radius r centred on (cx, cy), with an optional hover tooltip.</summary>
internal static class Markers
{
    public static void Draw(SvgWriter w, MarkerShape shape, double cx, double cy, double r, string fill,
        string stroke = "#ffffff", string? tooltip = null)
    {
        if (!SvgWriter.AllFinite(cx, cy, r))
        {
            return;
        }

        (string Name, object? Value)[] paint = [("fill", fill), ("stroke", stroke), ("stroke-width", 1.5)];
        var tag = shape == MarkerShape.Circle ? "circle" : shape == MarkerShape.Square ? "rect" : "path";
        (string Name, object? Value)[] geometry = shape switch
        {
            MarkerShape.Circle => [("cx", cx), ("cy", cy), ("r", r)],
            MarkerShape.Square => [("x", cx - (r * 0.85)), ("y", cy - (r * 0.85)), ("width", r * 1.7), ("height", r * 1.7)],
            _ => [("d", PathFor(shape, cx, cy, r))],
        };
        var attributes = geometry.Concat(paint).ToArray();
        if (tooltip is null)
        {
            w.Empty(tag, attributes);
            return;
        }

        w.Open(tag, attributes).Title(tooltip).Close();
    }

    private static string PathFor(MarkerShape shape, double cx, double cy, double r)
    {
        var pts = shape switch
        {
            MarkerShape.Diamond => new[] { (0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0) },
            MarkerShape.TriangleUp => [(0.0, -1.25), (1.15, 0.85), (-1.15, 0.85)],
            MarkerShape.TriangleDown => [(0.0, 1.25), (1.15, -0.85), (-1.15, -0.85)],
            _ => StarPoints(),
        };
        var sb = new StringBuilder();
        for (var i = 0; i < pts.Length; i++)
        {
            sb.Append(i == 0 ? 'M' : 'L').Append(SvgWriter.Num(cx + (pts[i].Item1 * r))).Append(' ')
                .Append(SvgWriter.Num(cy + (pts[i].Item2 * r)));
        }

        return sb.Append('Z').ToString();
    }

    private static (double, double)[] StarPoints()
    {
        var pts = new (double, double)[10];
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? 1.45 : 0.62;
            var angle = (-Math.PI / 2) + (i * Math.PI / 5);
            pts[i] = (radius * Math.Cos(angle), radius * Math.Sin(angle));
        }

        return pts;
    }
}
