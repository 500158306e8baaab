using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Workspace;

/// <summary>
/// A Vigil workspace: one folder holding <c>vigil.db</c> (SQLite, WAL) and <c>models/&lt;model&gt;/&lt;version&gt;/</c>
/// bundle folders. Opening it creates what is missing, migrates the database, and repairs what a crash can leave
/// (half-copied bundles, retrain runs left "running"). Several processes may open the same workspace at once.
/// </summary>
public sealed class VigilWorkspace : IDisposable
{
    /// <summary>The folder used when the user names none.</summary>
    public const string DefaultFolder = ".vigil";

    /// <summary>File name of the database inside the workspace folder.</summary>
    public const string DatabaseFileName = "vigil.db";

    private readonly WorkspaceDatabase? _database;
    private readonly IDisposable? _resources;

    private VigilWorkspace(string folder, WorkspaceDatabase database, TimeProvider time)
    {
        Folder = folder;
        _database = database;
        ModelsFolder = Path.Combine(folder, "models");
        Registry = new ModelRegistry(database, ModelsFolder, time);
        Store = new MonitoringStore(database, time);
        Location = folder;
    }

    private VigilWorkspace(string folder, IModelRegistry registry, IMonitoringStore store, string location, IDisposable? resources)
    {
        Folder = folder;
        ModelsFolder = Path.Combine(folder, "models");
        Registry = registry;
        Store = store;
        Location = location;
        _resources = resources;
    }

    /// <summary>Absolute path of the workspace folder.</summary>
    public string Folder { get; }

    /// <summary>Absolute path of <c>vigil.db</c> (a SQLite workspace only).</summary>
    public string DatabasePath => _database?.Path ?? throw new InvalidOperationException($"The workspace {Location} is not a SQLite file.");

    /// <summary>Where the workspace lives, as it may be printed: its folder, or a database server's address (never a password).</summary>
    public string Location { get; }

    /// <summary>Absolute path of the <c>models/</c> folder.</summary>
    public string ModelsFolder { get; }

    public IModelRegistry Registry { get; }

    /// <summary>The monitoring store: SQLite (<see cref="MonitoringStore"/>) for a workspace folder.</summary>
    public IMonitoringStore Store { get; }

    /// <summary>
    /// Opens the workspace in <paramref name="folder"/>, creating the folder and database if missing and applying
    /// pending schema migrations. Throws <see cref="WorkspaceInputException"/> when the database was written by a
    /// newer Vigil or is not a SQLite database. <paramref name="time"/> stamps every record (default: system clock);
    /// <paramref name="durability"/> says what an acknowledged write survives (default: power loss).
    /// </summary>
    public static VigilWorkspace Open(string folder, TimeProvider? time = null, WorkspaceDurability durability = WorkspaceDurability.Full)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new WorkspaceInputException($"Workspace path '{full}' is a file; expected a folder.");
        }

        Directory.CreateDirectory(full);
        Directory.CreateDirectory(Path.Combine(full, "models"));
        var database = WorkspaceDatabase.Open(Path.Combine(full, DatabaseFileName), durability);
        var workspace = new VigilWorkspace(full, database, time ?? TimeProvider.System);
        try
        {
            workspace.Registry.RemoveCrashLeftovers();
            workspace.Store.AbandonOrphanedRuns();
            return workspace;
        }
        catch
        {
            workspace.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A workspace over a registry and store of another backend (PostgreSQL: see <c>Vigil.Stores</c>), repaired like
    /// <see cref="Open"/> does. <paramref name="localFolder"/> is this node's folder (uploads being staged, the
    /// scheduler's cursor); <paramref name="location"/> how the workspace is named in messages;
    /// <paramref name="resources"/> (the database connections) is disposed with the workspace, also when this throws.
    /// </summary>
    public static VigilWorkspace Compose(string localFolder, IModelRegistry registry, IMonitoringStore store, string location, IDisposable? resources = null)
    {
        var workspace = (VigilWorkspace?)null;
        try
        {
            ArgumentException.ThrowIfNullOrEmpty(localFolder);
            ArgumentNullException.ThrowIfNull(registry);
            ArgumentNullException.ThrowIfNull(store);
            ArgumentException.ThrowIfNullOrEmpty(location);
            var full = Path.GetFullPath(localFolder);
            if (File.Exists(full))
            {
                throw new WorkspaceInputException($"Local folder '{full}' is a file; expected a folder.");
            }

            Directory.CreateDirectory(full);
            workspace = new VigilWorkspace(full, registry, store, location, resources);
            registry.RemoveCrashLeftovers();
            store.AbandonOrphanedRuns();
            return workspace;
        }
        catch
        {
            if (workspace is null)
            {
                resources?.Dispose();
            }
            else
            {
                workspace.Dispose();
            }

            throw;
        }
    }

    /// <summary>
    /// For the one caller that will checkpoint this SQLite workspace in the background (<see cref="Checkpoint"/>):
    /// commits then copy the WAL into the database file themselves only past <paramref name="backstopPages"/>
    /// pages. False, and nothing changes, when the store is a database server.
    /// </summary>
    public bool HandOverCheckpoints(int backstopPages)
    {
        _database?.HandOverCheckpoints(backstopPages);
        return _database is not null;
    }

    /// <summary>A PASSIVE checkpoint of the SQLite file: commits go on while it copies (see <see cref="WalCheckpoint"/>).</summary>
    public WalCheckpoint Checkpoint() =>
        (_database ?? throw new InvalidOperationException($"The workspace {Location} is not a SQLite file.")).Checkpoint();

    /// <summary>Closes the workspace's pooled database connections.</summary>
    public void Dispose()
    {
        _database?.Dispose();
        _resources?.Dispose();
    }

    /// <summary>A raw connection for tests that inspect or damage the schema directly.</summary>
    internal Microsoft.Data.Sqlite.SqliteConnection ConnectForTests() =>
        (_database ?? throw new InvalidOperationException("Not a SQLite workspace.")).Connect();
}
