namespace Vigil.Rendering.Svg;

/// <summary>One palette for every chart, so the report reads as one document (Tailwind-like slate/blue/red tones).</summary>
internal static class ChartColors
{
    public const string Ink = "#0f172a";
    public const string Muted = "#64748b";
    public const string AxisLine = "#cbd5e1";
    public const string Grid = "#e2e8f0";
    public const string Primary = "#2563eb";
    public const string Reference = "#94a3b8";
    public const string Current = "#f97316";
    public const string Bad = "#dc2626";
    public const string BadZone = "#fee2e2";
    public const string Good = "#16a34a";
    public const string Warn = "#d97706";
    public const string Baseline = "#0f766e";
    public const string Whisker = "#93c5fd";
    public const string Violet = "#7c3aed";
}
