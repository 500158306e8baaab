using Vigil.Monitoring.Workspace;

namespace Vigil.Server;

/// <summary>Which workspace the service opens, from <c>Vigil:Store</c> and <c>Vigil:Workspace</c>.</summary>
public static class StoreSelection
{
    /// <summary>
    /// <c>Vigil:Store</c> when set, else <c>sqlite:</c> + <c>Vigil:Workspace</c>. A SQLite store and a
    /// <c>Vigil:Workspace</c> naming two different folders is refused (<see cref="WorkspaceInputException"/>): which
    /// one was meant cannot be guessed.
    /// </summary>
    public static WorkspaceLocation Location(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Store))
        {
            return WorkspaceLocation.Sqlite(options.Workspace);
        }

        var location = WorkspaceLocation.Parse(options.Store, "Vigil:Store");
        if (location.Folder is { } folder
            && !string.Equals(Path.GetFullPath(options.Workspace), Path.GetFullPath(VigilWorkspace.DefaultFolder), StringComparison.Ordinal)
            && !string.Equals(Path.GetFullPath(options.Workspace), folder, StringComparison.Ordinal))
        {
            throw new WorkspaceInputException(
                $"Vigil:Store names the SQLite folder {folder} and Vigil:Workspace the folder {Path.GetFullPath(options.Workspace)}; set one of them.");
        }

        return location;
    }
}
