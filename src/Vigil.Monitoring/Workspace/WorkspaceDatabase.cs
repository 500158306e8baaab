using System.Globalization;
using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Workspace;

/// <summary>
/// Opens connections to <c>vigil.db</c> with the workspace's settings and brings its schema up to date.
/// Each operation opens its own (pooled) connection, so the registry and the store are safe to use from several
/// threads; SQLite serialises writers and WAL lets readers run beside a writer.
/// </summary>
/// <remarks>
/// <c>synchronous=FULL</c> (unless <see cref="WorkspaceDurability.Normal"/> is chosen): a method that returns has committed, and with FULL the WAL is fsynced at every commit,
/// so an acknowledged write also survives power loss (NORMAL only survives a process crash). Writes come in
/// batches (one transaction per batch), so the one fsync per commit costs little.
/// <c>busy_timeout</c>: another process (CLI beside the service) holding the write lock makes us wait up to that
/// long instead of failing at once.
/// <c>cache_size</c> 64 MiB per connection (allocated only as pages are used): the unique (model, id) index of a
/// large predictions table outgrows SQLite's 2 MiB default, and every insert then re-reads index pages.
/// </remarks>
internal sealed class WorkspaceDatabase : IDisposable
{
    /// <summary>How long a connection waits for another writer's lock, in milliseconds.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;
    private readonly string _synchronous;

    // SQLite's default: the connection whose commit takes the WAL past this many pages copies it into the database
    // file before its commit returns. A service that checkpoints in the background raises it to a backstop.
    private int _autoCheckpointPages = 1000;

    // The pragmas every connection gets, rebuilt only when the checkpoint backstop changes (Connect runs per operation).
    private string _pragmas;

    // The connection the prediction log is written through, kept open (see IngestConnection); guarded by _ingestLock.
    private readonly Lock _ingestLock = new();
    private IngestConnection? _ingest;
    private bool _disposed;

    private WorkspaceDatabase(string path, WorkspaceDurability durability)
    {
        Path = path;
        _synchronous = durability == WorkspaceDurability.Normal ? "NORMAL" : "FULL";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
        _pragmas = Pragmas(_synchronous, _autoCheckpointPages);
    }

    /// <summary>Absolute path of the database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/>, switches it to WAL and migrates it.</summary>
    public static WorkspaceDatabase Open(string path, WorkspaceDurability durability = WorkspaceDurability.Full)
    {
        var database = new WorkspaceDatabase(path, durability);
        try
        {
            using var connection = database.Connect();
            using (var wal = connection.CreateCommand())
            {
                // journal_mode is stored in the file, but it cannot change inside a transaction: set it first.
                wal.CommandText = "PRAGMA journal_mode=WAL;";
                var mode = Convert.ToString(wal.ExecuteScalar(), CultureInfo.InvariantCulture);
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new WorkspaceInputException($"Could not switch '{path}' to WAL mode (journal mode is '{mode}').");
                }
            }

            Migrate(connection, SchemaMigrations.Latest);
            return database;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 /* SQLITE_NOTADB */)
        {
            database.Dispose();
            throw new WorkspaceInputException($"'{path}' is not a SQLite database, so it cannot be a Vigil workspace database.", e);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    /// <summary>A new open connection with the workspace pragmas applied. The caller disposes it.</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = Volatile.Read(ref _pragmas);
            pragmas.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the connection kept open for the prediction log, one caller at a time (SQLite
    /// admits one writer anyway; waiting here is cheaper than in its busy handler, which sleeps in millisecond steps).
    /// A write that throws has its transaction rolled back and the connection closed, so the next starts afresh.
    /// After <see cref="Dispose"/>, each write opens and closes a connection of its own.
    /// </summary>
    internal T Ingest<TState, T>(TState state, Func<IngestConnection, TState, T> write)
    {
        lock (_ingestLock)
        {
            var pages = Volatile.Read(ref _autoCheckpointPages);
            var ingest = _ingest ?? IngestConnection.Open(Connect(), pages);
            try
            {
                if (ingest.CheckpointPages != pages)
                {
                    ingest.SetCheckpointPages(pages);
                }

                var result = write(ingest, state);
                if (_disposed)
                {
                    ingest.Dispose();
                }
                else
                {
                    _ingest = ingest;
                }

                return result;
            }
            catch
            {
                _ingest = null;
                try
                {
                    ingest.RollbackIfOpen();
                }
                catch (SqliteException)
                {
                    // The connection goes anyway; the first error is the one to report.
                }

                ingest.Dispose();
                throw;
            }
        }
    }

    private static string Pragmas(string synchronous, int checkpointPages) => string.Create(
        CultureInfo.InvariantCulture,
        $"PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA synchronous={synchronous}; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint={checkpointPages};");

    /// <summary>
    /// Applies the missing migration scripts up to <paramref name="target"/> in one write transaction, so a crash
    /// leaves the old schema or the new one, and two processes opening at once migrate once.
    /// </summary>
    internal static void Migrate(SqliteConnection connection, int target)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var current = ReadVersion(connection, transaction);
        if (current > SchemaMigrations.Latest)
        {
            throw new WorkspaceInputException(
                $"The workspace database '{connection.DataSource}' has schema version {current}, written by a newer " +
                $"Vigil; this Vigil understands versions up to {SchemaMigrations.Latest}. Upgrade Vigil to open it.");
        }

        for (var version = current; version < target; version++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = SchemaMigrations.Scripts[version] +
                string.Create(CultureInfo.InvariantCulture, $"\nPRAGMA user_version={version + 1};");
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    internal static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// From now on the caller checkpoints (<see cref="Checkpoint"/>, e.g. from a background loop) and a commit
    /// checkpoints only past <paramref name="backstopPages"/> WAL pages, so the commit that crosses SQLite's default
    /// 1,000 pages no longer copies them into the database file and syncs it before answering.
    /// </summary>
    public void HandOverCheckpoints(int backstopPages)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(backstopPages, 1000);
        Volatile.Write(ref _pragmas, Pragmas(_synchronous, backstopPages));
        Volatile.Write(ref _autoCheckpointPages, backstopPages);
    }

    /// <summary>
    /// Copies committed WAL frames into the database file without waiting for (or blocking) a writer: a PASSIVE
    /// checkpoint takes no write lock, so commits go on while it runs. Synced as every commit is (synchronous=FULL).
    /// </summary>
    public WalCheckpoint Checkpoint()
    {
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new WalCheckpoint(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Closes the pooled connections of this database so its files can be moved or deleted.</summary>
    public void Dispose()
    {
        lock (_ingestLock)
        {
            _disposed = true;
            _ingest?.Dispose();
            _ingest = null;
        }

        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }
}
