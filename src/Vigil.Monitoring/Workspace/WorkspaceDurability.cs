namespace Vigil.Monitoring.Workspace;

/// <summary>What an acknowledged write survives (SQLite's <c>synchronous</c> setting in WAL mode).</summary>
public enum WorkspaceDurability
{
    /// <summary>Every commit fsyncs the write-ahead log: acknowledged writes survive a process crash and a power loss. The default.</summary>
    Full,

    /// <summary>
    /// Commits do not wait for the disk (the log is synced at checkpoints): acknowledged writes survive a process crash
    /// or kill, but the last commits before a power loss or OS crash can be lost. Lower commit latency on disks with slow fsync.
    /// </summary>
    Normal,
}
