namespace Vigil.Rendering.Svg;

/// <summary>How a <see cref="LineChart"/> is drawn. Sizes are in SVG user units (the chart scales to its container).</summary>
internal sealed record LineChartOptions
{
    public double Width { get; init; } = 880;

    public double Height { get; init; } = 280;

    /// <summary>Name of the series, shown in the legend.</summary>
    public string SeriesName { get; init; } = "value";

    /// <summary>A reference level drawn as a dashed line.</summary>
    public double? Baseline { get; init; }

    /// <summary>
    /// The baseline per champion version (from, value, version label), oldest first. With two or more steps the
    /// baseline is drawn as a step line, stepping at each one's first evaluation, instead of <see cref="Baseline"/>'s flat line.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset From, double Value, string Label)> BaselineSteps { get; init; } = [];

    /// <summary>The degradation threshold: the side beyond it is shaded as the degraded zone.</summary>
    public double? Threshold { get; init; }

    /// <summary>True when values below <see cref="Threshold"/> are bad; false when values above it are.</summary>
    public bool HigherIsBetter { get; init; } = true;

    /// <summary>Legend text for the point intervals.</summary>
    public string IntervalName { get; init; } = "95% CI";

    /// <summary>Legend text for flagged points.</summary>
    public string FlaggedName { get; init; } = "degraded";

    /// <summary>Vertical annotations.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];
}
