namespace Vigil.Monitoring.Registry;

/// <summary>
/// The versions of each model, which one is champion, and the history of changes. Implemented over SQLite with
/// bundle folders (<see cref="ModelRegistry"/>, the default) and over PostgreSQL with content-addressed bundles
/// (<c>Vigil.Store.Postgres</c>). Every implementation keeps the same contracts:
/// <list type="bullet">
/// <item>every change is one transaction: a method that returns has committed; a method that throws changed nothing
/// (a failed registration leaves no version, no event and no bundle);</item>
/// <item>a model has at most one champion; once it has one it always has exactly one, and a promotion or rollback
/// swaps it atomically together with its event;</item>
/// <item>concurrent registrations of one model (from any process or node) get distinct, consecutive version numbers;</item>
/// <item>a <see cref="ModelVersion"/>'s <see cref="ModelVersion.BundleFolder"/> is a local folder holding exactly the
/// files that were registered.</item>
/// </list>
/// </summary>
public interface IModelRegistry
{
    /// <summary>
    /// Registers a new version of <paramref name="model"/> from every file under <paramref name="bundleSourceFolder"/>
    /// (plus <see cref="ModelVersionInfo.ProfileJson"/> as <c>profile.json</c>); inserts its "registered" event and,
    /// when it becomes champion, its "promoted" event in the same transaction.
    /// </summary>
    ModelVersion RegisterVersion(string model, string bundleSourceFolder, ModelVersionInfo info);

    /// <summary>The current champion of <paramref name="model"/>, or null when it has none (or is not registered).</summary>
    ModelVersion? GetChampion(string model);

    /// <summary>All versions of <paramref name="model"/>, oldest first; empty when the model is not registered.</summary>
    IReadOnlyList<ModelVersion> ListVersions(string model);

    /// <summary>Names of all registered models, in ordinal order.</summary>
    IReadOnlyList<string> ListModels();

    /// <summary>One version; throws <see cref="Workspace.WorkspaceInputException"/> naming the versions that exist when it is unknown.</summary>
    ModelVersion GetVersion(string model, int version);

    /// <summary>Makes <paramref name="version"/> the champion and records a "promoted" event, in one transaction.</summary>
    ModelVersion Promote(string model, int version, string reason, string actor);

    /// <summary>
    /// Makes the champion before the current one champion again and records a "rolled_back" event, in one transaction
    /// (the event history is a stack: each promotion pushes, each rollback pops).
    /// </summary>
    ModelVersion Rollback(string model, string reason, string actor);

    /// <summary>Records that challenger <paramref name="challengerVersion"/> was evaluated and the champion kept.</summary>
    RegistryEvent RecordKept(string model, int challengerVersion, string reason, string actor);

    /// <summary>The registry history of <paramref name="model"/>, oldest first.</summary>
    IReadOnlyList<RegistryEvent> Events(string model);

    /// <summary>
    /// Removes what a crash during registration can leave (half-copied or unpublished bundle folders, incomplete cache
    /// entries of processes that no longer run). Called when a workspace is opened; safe while other processes register.
    /// </summary>
    void RemoveCrashLeftovers();
}
