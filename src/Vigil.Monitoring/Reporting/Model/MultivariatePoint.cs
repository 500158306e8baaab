namespace Vigil.Monitoring.Reporting.Model;

/// <summary>Multivariate drift of one check, as stored: the domain classifier's AUC and the PCA reconstruction error with its band.</summary>
public sealed record MultivariatePoint
{
    /// <summary>End of the checked window, in UTC.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The check that produced this point.</summary>
    public string? CheckId { get; init; }

    /// <summary>Cross-validated AUC of the domain classifier; null when it did not run.</summary>
    public double? Auc { get; init; }

    /// <summary>Its one-sided p-value.</summary>
    public double? PValue { get; init; }

    /// <summary>True when the domain classifier declared dataset drift.</summary>
    public bool ClassifierDrifted { get; init; }

    /// <summary>The window's mean reconstruction error; null when PCA did not run.</summary>
    public double? Error { get; init; }

    /// <summary>Lower end of the band for that window.</summary>
    public double? Lower { get; init; }

    /// <summary>Upper end of the band for that window.</summary>
    public double? Upper { get; init; }

    /// <summary>The held-out reference rows' mean error (the band's centre).</summary>
    public double? ReferenceError { get; init; }

    /// <summary>True when the error lay outside the band.</summary>
    public bool ReconstructionDrifted { get; init; }
}
