namespace Vigil.Monitoring.Reporting.Model;

/// <summary>The baseline a metric was judged against while one champion version served: a step of the baseline line.</summary>
public sealed record BaselineStep
{
    /// <summary>The first evaluation judged against this baseline (window end, UTC).</summary>
    public required DateTimeOffset From { get; init; }

    /// <summary>The champion version of those evaluations, e.g. <c>v2</c>.</summary>
    public required string Version { get; init; }

    /// <summary>That version's holdout value of the metric.</summary>
    public required double Value { get; init; }
}
