using Microsoft.Data.Sqlite;

namespace Vigil.Monitoring.Workspace;

/// <summary>Brings a SQLite workspace's schema up to date on request (<c>vigil migrate</c>) and says from which version.</summary>
public static class WorkspaceMigration
{
    /// <summary>The schema version this build of Vigil writes for SQLite workspaces.</summary>
    public static int LatestSqliteVersion => SchemaMigrations.Latest;

    /// <summary>
    /// Applies the pending migrations of the workspace in <paramref name="folder"/> (creating it when missing) and returns
    /// the versions before and after. A database written by a newer Vigil is refused (<see cref="WorkspaceInputException"/>).
    /// </summary>
    public static SchemaUpgrade MigrateSqlite(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var full = Path.GetFullPath(folder);
        var from = ReadVersion(Path.Combine(full, VigilWorkspace.DatabaseFileName));
        using var workspace = VigilWorkspace.Open(full);
        return new SchemaUpgrade(WorkspaceLocation.SqlitePrefix + full, from ?? 0, SchemaMigrations.Latest);
    }

    // Read-only, so a database it cannot read is left for Open to describe.
    private static int? ReadVersion(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = path,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString());
            connection.Open();
            return WorkspaceDatabase.ReadVersion(connection);
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
