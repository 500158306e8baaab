namespace Vigil.Monitoring.Registry;

/// <summary>One registered version of a model, as stored in the workspace.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version number: 1, 2, 3… per model, in registration order.</param>
/// <param name="CreatedAt">When it was registered (UTC, workspace clock).</param>
/// <param name="BundleFolder">
/// Absolute path of the local folder holding the version's files: <c>models/&lt;model&gt;/&lt;version&gt;/</c> in a
/// SQLite workspace, the verified cache entry of its content-addressed bundle in a PostgreSQL one (fetched on first read).
/// </param>
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
    private readonly string _bundleFolder = BundleFolder;
    private readonly string? _profilePath = ProfilePath;

    /// <summary>What the version is: a Vigil bundle, an ONNX graph, an ML.NET pipeline, or an external model that only logs.</summary>
    public Models.ModelKind Kind { get; init; } = Models.ModelKind.Vigil;

    /// <inheritdoc cref="ModelVersion" path="/param[@name='BundleFolder']"/>
    public string BundleFolder
    {
        get
        {
            FetchBundle?.Invoke();
            return _bundleFolder;
        }

        init => _bundleFolder = value;
    }

    /// <inheritdoc cref="ModelVersion" path="/param[@name='ProfilePath']"/>
    public string? ProfilePath
    {
        get
        {
            if (_profilePath is not null)
            {
                FetchBundle?.Invoke();
            }

            return _profilePath;
        }

        init => _profilePath = value;
    }

    /// <summary>True when the version has a reference profile; unlike <see cref="ProfilePath"/>, never fetches the bundle.</summary>
    public bool HasProfile => _profilePath is not null;

    /// <summary>
    /// Set by registries whose bundles live in a shared store (content-addressed in PostgreSQL): brings the bundle into
    /// <see cref="BundleFolder"/>, verified, before a path is handed out. Null when the folder is always present.
    /// </summary>
    public Action? FetchBundle { get; init; }
}
