namespace Vigil.Monitoring.Reporting.Model;

/// <summary>One window's estimate of a metric, and its realised value once labels are known.</summary>
public sealed record EstimatedPoint
{
    /// <summary>End of the window, in UTC.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The estimate.</summary>
    public required double Value { get; init; }

    /// <summary>Lower end of the estimate's band.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper end of the estimate's band.</summary>
    public double? Upper { get; init; }

    /// <summary>Rows estimated.</summary>
    public int Rows { get; init; }

    /// <summary>True when the estimate was degraded.</summary>
    public bool Degraded { get; init; }

    /// <summary>The check that estimated it.</summary>
    public string? CheckId { get; init; }

    /// <summary>The realised value on the same window: from the same check when it had every label, else from a later check of the same window with labels; null while unknown.</summary>
    public double? Realised { get; init; }

    /// <summary>The check the realised value comes from.</summary>
    public string? RealisedCheckId { get; init; }
}
