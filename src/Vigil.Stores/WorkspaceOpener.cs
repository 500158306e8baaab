using Vigil.Monitoring;
using Vigil.Monitoring.Workspace;

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
            _ => location.ToString(),
        };
    }
}
