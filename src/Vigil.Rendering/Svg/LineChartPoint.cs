namespace Vigil.Rendering.Svg;

/// <summary>One point of a <see cref="LineChart"/>: a value at a time, an optional interval, and a flag drawn in red.</summary>
internal sealed record LineChartPoint(DateTimeOffset At, double Value, double? Low = null, double? High = null,
    bool Flagged = false, string? Tooltip = null);
