using Vigil.Monitoring.Workspace;

namespace Vigil.Stores;

/// <summary>How a workspace is opened, whatever its backend.</summary>
public sealed record WorkspaceOpenOptions
{
    /// <summary>The clock that stamps every record (default: the system clock).</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>What an acknowledged write survives on SQLite (PostgreSQL follows the server's settings).</summary>
    public WorkspaceDurability Durability { get; init; } = WorkspaceDurability.Full;

    /// <summary>
    /// This node's local folder for a server-backed store (staging of uploads, the scheduler's cursor); default
    /// <c>.vigil</c>. A SQLite workspace's folder is its location.
    /// </summary>
    public string? LocalFolder { get; init; }

    /// <summary>Where content-addressed bundles are cached on this node (default <c>&lt;local folder&gt;/cache</c>).</summary>
    public string? BundleCache { get; init; }
}
