using Vigil.Monitoring;
using Vigil.Monitoring.Registry.Bundles;
using Vigil.Monitoring.Workspace;
using Vigil.Store.Postgres;
using Vigil.Store.Postgres.Registry;

namespace Vigil.Stores;

/// <summary>
/// Opens the workspace a <see cref="WorkspaceLocation"/> names, on whichever backend it names: the one place that
/// knows every backend, used by the CLI (<c>--store</c>) and the service (<c>Vigil:Store</c>).
/// </summary>
public static class WorkspaceOpener
{
    /// <summary>Opens (creating and migrating when needed) the workspace at <paramref name="location"/>.</summary>
    public static VigilWorkspace Open(WorkspaceLocation location, WorkspaceOpenOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        options ??= new WorkspaceOpenOptions();
        return location.Backend switch
        {
            WorkspaceBackend.Sqlite => VigilWorkspace.Open(location.Folder!, options.Time, options.Durability),
            WorkspaceBackend.Postgres => OpenPostgres(location, options),
            _ => throw new ArgumentOutOfRangeException(nameof(location), location.Backend, "Unknown workspace backend."),
        };
    }

    /// <summary>A monitor over the workspace at <paramref name="location"/>, with <paramref name="options"/>' durability.</summary>
    public static VigilMonitor OpenMonitor(
        WorkspaceLocation location, VigilMonitorOptions? options = null, TimeProvider? time = null, string? bundleCache = null, string? localFolder = null)
    {
        options ??= new VigilMonitorOptions();
        var workspace = Open(location, new WorkspaceOpenOptions { Time = time, Durability = options.Durability, BundleCache = bundleCache, LocalFolder = localFolder });
        return VigilMonitor.Open(workspace, options, time);
    }

    /// <summary>Applies the pending schema migrations at <paramref name="location"/> and says from which version to which.</summary>
    public static SchemaUpgrade Migrate(WorkspaceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Backend switch
        {
            WorkspaceBackend.Sqlite => WorkspaceMigration.MigrateSqlite(location.Folder!),
            WorkspaceBackend.Postgres => MigratePostgres(location),
            _ => throw new ArgumentOutOfRangeException(nameof(location), location.Backend, "Unknown workspace backend."),
        };
    }

    /// <summary>How <paramref name="location"/> may be printed: the folder, or the server and database without any password.</summary>
    public static string Describe(WorkspaceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Backend switch
        {
            WorkspaceBackend.Sqlite => location.Folder!,
            WorkspaceBackend.Postgres => PostgresName.Of(location.ConnectionString!),
            _ => location.ToString(),
        };
    }

    // The registry and the monitoring store share one pool; bundles are cached under the node's local folder.
    private static VigilWorkspace OpenPostgres(WorkspaceLocation location, WorkspaceOpenOptions options)
    {
        var settings = PostgresConnectionString.Parse(location.ConnectionString!);
        var database = PostgresDatabase.Open(settings.ConnectionString);
        try
        {
            var local = Path.GetFullPath(options.LocalFolder ?? VigilWorkspace.DefaultFolder);
            var cache = new BundleCache(options.BundleCache ?? Path.Combine(local, "cache"));
            var registry = new PostgresModelRegistry(database, cache, options.Time);
            var store = new PostgresMonitoringStore(database, options.Time);
            return VigilWorkspace.Compose(local, registry, store, PostgresName.Of(settings), database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    private static SchemaUpgrade MigratePostgres(WorkspaceLocation location)
    {
        var settings = PostgresConnectionString.Parse(location.ConnectionString!);
        using var database = PostgresDatabase.Connect(settings.ConnectionString);
        database.CheckReachable();
        var from = database.ReadVersion();
        var applied = database.Migrate();
        return new SchemaUpgrade(PostgresName.Of(settings), from, from + applied);
    }
}
