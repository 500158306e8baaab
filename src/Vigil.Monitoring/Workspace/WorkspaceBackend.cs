namespace Vigil.Monitoring.Workspace;

/// <summary>Which database holds a workspace's registry and history.</summary>
public enum WorkspaceBackend
{
    /// <summary>A SQLite file and bundle folders on this machine (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every node; bundles content-addressed in it and cached locally.</summary>
    Postgres,
}
