namespace Vigil.Rendering.Svg;

/// <summary>
/// The drift heatmaps' colour scale: strength of evidence as steps of −log10 of the adjusted p-value, from white
/// (p ≥ 0.1) to dark red (p &lt; 0.0001), grey where a column was not tested. The report and the dashboard share it.
/// </summary>
internal static class PValueScale
{
    public const string NotTested = "#e2e8f0";

    private static readonly (double Below, string Color, string Label)[] Steps =
    [
        (1.0001, "#ffffff", "p ≥ 0.1"),
        (0.1, "#fef3c7", "< 0.1"),
        (0.05, "#fdba74", "< 0.05"),
        (0.01, "#f97316", "< 0.01"),
        (0.001, "#dc2626", "< 0.001"),
        (0.0001, "#7f1d1d", "< 0.0001"),
    ];

    /// <summary>The legend under a heatmap: every step, then "not tested".</summary>
    public static IReadOnlyList<(string Color, string Label)> Legend { get; } =
        [.. Steps.Select(s => (s.Color, s.Label)), (NotTested, "not tested")];

    public const string LegendTitle = "adjusted p";

    /// <summary>The fill of a cell with adjusted p-value <paramref name="p"/>; not-tested grey when missing or not finite.</summary>
    public static string ColorFor(double? p)
    {
        if (p is not { } v || !double.IsFinite(v))
        {
            return NotTested;
        }

        var color = Steps[0].Color;
        foreach (var step in Steps)
        {
            if (v < step.Below)
            {
                color = step.Color;
            }
        }

        return color;
    }
}
