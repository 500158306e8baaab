using System.Globalization;
using Npgsql;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

/// <summary>
/// A PostgreSQL database holding a Vigil store: a pooled <see cref="NpgsqlDataSource"/> and the schema's version.
/// Opening it applies the missing <see cref="PostgresMigrations"/> in one transaction under an advisory lock, so
/// several nodes starting at once migrate once and a crash leaves the old schema or the new one.
/// </summary>
/// <remarks>
/// Durability is the server's: with PostgreSQL's default <c>synchronous_commit=on</c> a commit that returned is on
/// disk, so acknowledged = committed holds as with SQLite's <c>synchronous=FULL</c>. Connections are not reset when
/// they return to the pool (<c>No Reset On Close</c>): the ingestion's staging table is a temporary table that lives
/// with its connection and would otherwise be created again for every batch.
/// </remarks>
public sealed class PostgresDatabase : IDisposable
{
    /// <summary>The advisory lock (64-bit key space) that serialises migrations across processes.</summary>
    internal const long MigrationLock = 0x5669_6769_6C5F_4D31; // "Vigil_M1"

    private PostgresDatabase(NpgsqlDataSource source, string name)
    {
        Source = source;
        Name = name;
    }

    /// <summary>The pooled connections.</summary>
    public NpgsqlDataSource Source { get; }

    /// <summary>"host:port/database", for messages (never the password).</summary>
    public string Name { get; }

    /// <summary>
    /// Opens the database that <paramref name="connectionString"/> names (either form <see cref="PostgresConnectionString"/> reads). With <paramref name="migrate"/> (the default)
    /// applies the pending migrations; without, refuses a database that is behind this Vigil. Either way refuses one
    /// written by a newer Vigil. Throws <see cref="WorkspaceInputException"/> with a one-line reason when the
    /// connection string is invalid, the server cannot be reached, or the version does not fit.
    /// </summary>
    public static PostgresDatabase Open(string connectionString, bool migrate = true)
    {
        var database = Connect(connectionString);
        try
        {
            database.CheckReachable();
            if (migrate)
            {
                database.Migrate();
            }
            else
            {
                database.CheckVersion();
            }

            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The pool for <paramref name="connectionString"/>, with no connection made and no version checked yet
    /// (<c>vigil migrate</c> reads the version before it migrates).
    /// </summary>
    public static PostgresDatabase Connect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var settings = PostgresConnectionString.Parse(connectionString);
        settings.NoResetOnClose = true;

        if (string.IsNullOrEmpty(settings.ApplicationName))
        {
            settings.ApplicationName = "vigil";
        }

        if (settings.MaxAutoPrepare == 0)
        {
            // The store runs a few statements over and over: prepared once per connection, they skip planning.
            settings.MaxAutoPrepare = 64;
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}");
        return new PostgresDatabase(new NpgsqlDataSourceBuilder(settings.ConnectionString).Build(), name);
    }

    /// <summary>
    /// Opens one connection to tell whether the setting is usable: unreachable, refused, a failed login or no such
    /// database is the user's to fix (<see cref="WorkspaceInputException"/>, one line naming host, port and database).
    /// Later failures (the server going away) are not bad input and stay as they are.
    /// </summary>
    public void CheckReachable()
    {
        try
        {
            Connect().Dispose();
        }
        catch (NpgsqlException e) when (e is not PostgresException || ((PostgresException)e).SqlState.StartsWith("28", StringComparison.Ordinal)
            || ((PostgresException)e).SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            throw new WorkspaceInputException($"Cannot connect to the PostgreSQL store {Name}: {e.Message}", e);
        }
    }

    /// <summary>An open connection from the pool. The caller disposes it.</summary>
    /// <remarks>
    /// A connection reset in the instant after the TCP connect (a server still starting, a proxy letting go) leaves
    /// Npgsql as a bare <see cref="IOException"/> ("not allowed on non-connected sockets"); it is wrapped as the
    /// <see cref="NpgsqlException"/> every other failed connect is, so callers see one kind of error for an
    /// unreachable server, and it counts as transient (a retry may work).
    /// </remarks>
    public NpgsqlConnection Connect()
    {
        try
        {
            return Source.OpenConnection();
        }
        catch (IOException e)
        {
            throw new NpgsqlException($"Failed to connect to {Name}: {e.Message}", e);
        }
    }

    /// <summary>The schema version of the database (0 when no Vigil schema is there yet).</summary>
    public int ReadVersion()
    {
        using var connection = Connect();
        return ReadVersion(connection, null);
    }

    /// <summary>
    /// Applies the missing migrations in one transaction, holding the migration lock so concurrent openers wait and
    /// then find nothing to do. Returns how many scripts were applied.
    /// </summary>
    public int Migrate() => Migrate(PostgresMigrations.Latest);

    internal int Migrate(int target)
    {
        using var connection = Connect();
        using var transaction = connection.BeginTransaction();
        using (var command = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@lock); " +
            "CREATE TABLE IF NOT EXISTS vigil_schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
            connection, transaction))
        {
            command.Parameters.AddWithValue("lock", MigrationLock);
            command.ExecuteNonQuery();
        }

        var current = ReadVersion(connection, transaction);
        ThrowIfNewer(current);
        for (var version = current; version < target; version++)
        {
            using var script = new NpgsqlCommand(PostgresMigrations.Scripts[version], connection, transaction);
            script.ExecuteNonQuery();
            using var record = new NpgsqlCommand("INSERT INTO vigil_schema_migrations (version) VALUES (@v)", connection, transaction);
            record.Parameters.AddWithValue("v", version + 1);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
        return Math.Max(0, target - current);
    }

    private void CheckVersion()
    {
        var current = ReadVersion();
        ThrowIfNewer(current);
        if (current < PostgresMigrations.Latest)
        {
            throw new WorkspaceInputException(
                $"The PostgreSQL store {Name} has schema version {current}; this Vigil needs version {PostgresMigrations.Latest}. " +
                "Run `vigil migrate` with this store first.");
        }
    }

    private void ThrowIfNewer(int current)
    {
        if (current > PostgresMigrations.Latest)
        {
            throw new WorkspaceInputException(
                $"The PostgreSQL store {Name} has schema version {current}, written by a newer Vigil; this Vigil understands " +
                $"versions up to {PostgresMigrations.Latest}. Upgrade Vigil to open it.");
        }
    }

    private static int ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        // Two statements: a query naming a missing table fails when planned, whatever a CASE around it says.
        using (var exists = new NpgsqlCommand("SELECT to_regclass('vigil_schema_migrations') IS NOT NULL", connection, transaction))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return 0;
            }
        }

        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM vigil_schema_migrations", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose() => Source.Dispose();
}
