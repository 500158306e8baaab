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

    private readonly WorkspaceDatabase _database;

    private VigilWorkspace(string folder, WorkspaceDatabase database, TimeProvider time)
    {
        Folder = folder;
        _database = database;
        ModelsFolder = Path.Combine(folder, "models");
        Registry = new ModelRegistry(database, ModelsFolder, time);
        Store = new MonitoringStore(database, time);
    }

    /// <summary>Absolute path of the workspace folder.</summary>
    public string Folder { get; }

    /// <summary>Absolute path of <c>vigil.db</c>.</summary>
    public string DatabasePath => _database.Path;

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

    /// <summary>Closes the workspace's pooled database connections.</summary>
    public void Dispose() => _database.Dispose();

    /// <summary>A raw connection for tests that inspect or damage the schema directly.</summary>
    internal Microsoft.Data.Sqlite.SqliteConnection ConnectForTests() => _database.Connect();
}
