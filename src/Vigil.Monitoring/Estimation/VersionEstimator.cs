using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// The performance estimator a version's checks use and where it comes from (<see cref="Source"/>): refitted on
/// labelled production rows (<c>vigil models estimator</c>, stored in the workspace), else the one fitted with the
/// version and kept in its bundle, else none (<see cref="Why"/> says why).
/// </summary>
public sealed record VersionEstimator(string Model, int Version, string Source, PerformanceEstimator? Estimator, string? Why)
{
    /// <summary>Fitted on labelled production rows and stored in the workspace.</summary>
    public const string Refitted = "refitted";

    /// <summary>Fitted with the version (training holdout, or registration's holdout / reference) and kept in its bundle.</summary>
    public const string Bundle = "bundle";

    /// <summary>The version has no estimator.</summary>
    public const string None = "none";

    /// <summary>The refit's record (what it was fitted on, when, by whom) when <see cref="Source"/> is <see cref="Refitted"/>.</summary>
    public StoredEstimator? Refit { get; init; }

    /// <summary>A remark for a check's estimate: which estimator, and for a refit what it was fitted on.</summary>
    public string? Note => Refit?.Description ?? Why;
}
