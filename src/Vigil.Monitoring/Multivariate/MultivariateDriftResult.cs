namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// Drift that no single column shows: how the features move together. The domain classifier decides dataset drift
/// (<see cref="DatasetDrift"/>, an alarm like the drifted-column share); the PCA reconstruction error is a warning.
/// </summary>
public sealed record MultivariateDriftResult
{
    /// <summary>Features both methods used (present in the window with the reference's kind; date-times and the label excluded).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Reference features the window lacks or holds with another kind.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The domain classifier.</summary>
    public required DomainClassifierResult DomainClassifier { get; init; }

    /// <summary>The PCA reconstruction error.</summary>
    public required ReconstructionResult Reconstruction { get; init; }

    /// <summary>True when the domain classifier found the window drifted.</summary>
    public bool DatasetDrift { get; init; }

    /// <summary>Both verdicts in one line.</summary>
    public string Reason { get; init; } = "";
}
