namespace Vigil.Monitoring.Registry;

/// <summary>One registered version of a model, as stored in the workspace.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version number: 1, 2, 3… per model, in registration order.</param>
/// <param name="CreatedAt">When it was registered (UTC, workspace clock).</param>
/// <param name="BundleFolder">Absolute path of <c>models/&lt;model&gt;/&lt;version&gt;/</c>.</param>
/// <param name="ProfilePath">Absolute path of the version's <c>profile.json</c>, or null when it has none.</param>
/// <param name="IsChampion">True when this version was the champion when it was read.</param>
/// <remarks>Instants are returned in UTC. The other fields are those of <see cref="ModelVersionInfo"/>.</remarks>
public sealed record ModelVersion(
    string Model,
    int Version,
    string Learner,
    string ConfigJson,
    IReadOnlyDictionary<string, double> Metrics,
    string TrainingFingerprint,
    DateTimeOffset? TrainingWindowStart,
    DateTimeOffset? TrainingWindowEnd,
    int TrainingRows,
    int? ParentVersion,
    string CreatedBy,
    string Reason,
    DateTimeOffset CreatedAt,
    string BundleFolder,
    string? ProfilePath,
    bool IsChampion)
{
    /// <summary>What the version is: a Vigil bundle, an ONNX graph, an ML.NET pipeline, or an external model that only logs.</summary>
    public Models.ModelKind Kind { get; init; } = Models.ModelKind.Vigil;
}
