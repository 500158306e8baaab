namespace Vigil.Monitoring.Store;

/// <summary>
/// A version's performance estimator refitted on labelled production rows (<c>vigil models estimator</c>), stored in
/// the workspace beside the version rather than in its bundle, which stays content-addressed. Checks of the version
/// use it instead of the bundle's <c>estimator.json</c> while it exists.
/// </summary>
/// <param name="Method">cbpe or dle.</param>
/// <param name="Source">What it was fitted on, in words ("3,000 labelled rows of week-49.csv").</param>
/// <param name="Rows">Labelled rows it was fitted on.</param>
public sealed record StoredEstimator(string Model, int Version, string Method, string Source, int Rows, DateTimeOffset FittedAt, string FittedBy)
{
    /// <summary>The estimator as JSON (<see cref="Estimation.PerformanceEstimator"/>); null when read without it.</summary>
    public string? Json { get; init; }

    /// <summary>What a check's notes and the report say of it: fitted on what, when, by whom.</summary>
    public string Description => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"estimator refitted on {Source} ({FittedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {FittedBy}); its baselines are the metrics realised on those rows");
}
