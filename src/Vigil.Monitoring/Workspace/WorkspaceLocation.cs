namespace Vigil.Monitoring.Workspace;

/// <summary>
/// Where a workspace lives, as the user writes it in <c>Vigil:Store</c> or <c>--store</c>: <c>sqlite:&lt;folder&gt;</c>
/// (a SQLite database and bundle folders on this machine; the default is <c>sqlite:.vigil</c>) or a PostgreSQL
/// connection string (<c>Host=…;Port=…;Database=…;Username=…</c> or a <c>postgresql://</c> URI), which the PostgreSQL
/// backend interprets. A plain path (no <c>=</c>, no scheme) is a SQLite folder. Parsing never echoes a value that
/// could hold a password.
/// </summary>
public sealed record WorkspaceLocation
{
    /// <summary>The prefix of a SQLite location.</summary>
    public const string SqlitePrefix = "sqlite:";

    private WorkspaceLocation(WorkspaceBackend backend, string? folder, string? connectionString, string source = "Vigil:Store")
    {
        Backend = backend;
        Folder = folder;
        ConnectionString = connectionString;
        Source = source;
    }

    /// <summary>The default location: <c>sqlite:.vigil</c> in the current folder (today's behaviour).</summary>
    public static WorkspaceLocation Default => Sqlite(VigilWorkspace.DefaultFolder);

    public WorkspaceBackend Backend { get; }

    /// <summary>Where the value came from (<c>--store</c>, <c>Vigil:Store</c>), for messages about it.</summary>
    public string Source { get; }

    /// <summary>The absolute workspace folder of a SQLite location; null for PostgreSQL.</summary>
    public string? Folder { get; }

    /// <summary>The PostgreSQL connection string as given (may hold a password: never print it); null for SQLite.</summary>
    public string? ConnectionString { get; }

    /// <summary>A SQLite workspace in <paramref name="folder"/> (what <c>--workspace</c> and <c>Vigil:Workspace</c> name).</summary>
    public static WorkspaceLocation Sqlite(string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new WorkspaceInputException("A SQLite store needs a folder: sqlite:<folder>, e.g. sqlite:.vigil.");
        }

        return new(WorkspaceBackend.Sqlite, Path.GetFullPath(folder), null);
    }

    /// <summary>
    /// Reads a location; <paramref name="source"/> names where it came from (<c>--store</c>, <c>Vigil:Store</c>) in
    /// errors. Empty means the default.
    /// </summary>
    public static WorkspaceLocation Parse(string? text, string source = "Vigil:Store")
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Default;
        }

        if (value.StartsWith(SqlitePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var folder = value[SqlitePrefix.Length..];
            if (string.IsNullOrWhiteSpace(folder))
            {
                throw new WorkspaceInputException($"{source}: 'sqlite:' needs a folder, e.g. sqlite:.vigil.");
            }

            return Sqlite(folder);
        }

        if (value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || value.Contains('=', StringComparison.Ordinal))
        {
            return new(WorkspaceBackend.Postgres, null, value, source);
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            // Another scheme; not echoed, since a URI can hold a password.
            throw new WorkspaceInputException(
                $"{source} is neither sqlite:<folder> nor a PostgreSQL connection string (Host=…;Database=…;Username=… " +
                "or postgresql://user@host:port/database).");
        }

        // A plain path: a SQLite workspace in that folder (--store DIR was always another name for --workspace DIR).
        return Sqlite(value);
    }

    /// <summary>How the location is shown: the folder for SQLite; for PostgreSQL only that it is one (the backend names host and database).</summary>
    public override string ToString() => Backend == WorkspaceBackend.Sqlite ? SqlitePrefix + Folder : "PostgreSQL";
}
