using Vigil.Rendering.Svg;

namespace Vigil.Rendering.Dashboard;

/// <summary>The dashboard's logo in the top bar.</summary>
internal static class BrandMark
{
    /// <summary>An eye-like mark drawn with the chart primitives, so the brand needs no image file.</summary>
    public static string Render()
    {
        var w = new SvgWriter(24, 24, "Vigil");
        w.Empty("path", ("d", "M2 12 C6 5 18 5 22 12 C18 19 6 19 2 12 Z"), ("fill", "none"), ("stroke", "#93c5fd"), ("stroke-width", 2));
        w.Empty("circle", ("cx", 12), ("cy", 12), ("r", 3.6), ("fill", "#60a5fa"));
        return w.ToString();
    }
}
