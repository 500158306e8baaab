using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

/// <summary>
/// The connection the prediction log is written through, kept open between batches with its statements prepared:
/// the multi-row inserts (one per rows-per-statement count met), <c>BEGIN IMMEDIATE</c>, <c>COMMIT</c>,
/// <c>ROLLBACK</c> and the pending-labels probe. Opening a pooled connection, applying the workspace pragmas, wrapping
/// a transaction and preparing an insert cost about 6 KB of garbage per commit, which under one-row <c>/predict</c>
/// calls was a quarter of all a request allocated (docs/models.md, "Where the last millisecond goes"); run through
/// SQLite's own handle, a commit here allocates nothing. One caller at a time (<see cref="WorkspaceDatabase.Ingest{TState, T}"/>
/// lends it); a failed write closes it, and the next one opens a fresh one.
/// </summary>
internal sealed class IngestConnection : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly PredictionInsert?[] _inserts = new PredictionInsert?[PredictionInsert.RowsPerStatement + 1];
    private readonly sqlite3_stmt _begin;
    private readonly sqlite3_stmt _commit;
    private readonly sqlite3_stmt _rollback;
    private readonly sqlite3_stmt _pending;

    private IngestConnection(SqliteConnection connection, int checkpointPages)
    {
        _connection = connection;
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        CheckpointPages = checkpointPages;
        _begin = Prepare("BEGIN IMMEDIATE");
        _commit = Prepare("COMMIT");
        _rollback = Prepare("ROLLBACK");
        _pending = Prepare("SELECT 1 FROM pending_labels WHERE model = ?1 LIMIT 1");
    }

    /// <summary>The connection itself, for the rare statements not kept here (joining late labels).</summary>
    public SqliteConnection Connection => _connection;

    /// <summary>The <c>wal_autocheckpoint</c> this connection was given (the workspace may raise it later).</summary>
    public int CheckpointPages { get; private set; }

    public static IngestConnection Open(SqliteConnection connection, int checkpointPages)
    {
        try
        {
            return new IngestConnection(connection, checkpointPages);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Applies a changed <c>wal_autocheckpoint</c> (rarely: once, when a service takes over checkpoints).</summary>
    public void SetCheckpointPages(int pages)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint=" + pages.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        command.ExecuteNonQuery();
        CheckpointPages = pages;
    }

    /// <summary>Starts the write transaction (waits for another writer up to the connection's busy timeout).</summary>
    public void Begin() => Run(_begin);

    public void Commit() => Run(_commit);

    /// <summary>Rolls back the open transaction, if any (after a failed write).</summary>
    public void RollbackIfOpen()
    {
        if (raw.sqlite3_get_autocommit(_db) == 0)
        {
            Run(_rollback);
        }
    }

    /// <summary>True when labels of <paramref name="model"/> wait for their predictions.</summary>
    public bool HasPendingLabels(string model)
    {
        BindAscii(_pending, 1, model);
        var rc = raw.sqlite3_step(_pending);
        raw.sqlite3_reset(_pending);
        if (rc is not (raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        return rc == raw.SQLITE_ROW;
    }

    /// <summary>The insert of <paramref name="rows"/> rows into <paramref name="model"/>'s log, prepared once.</summary>
    public PredictionInsert Insert(string model, int rows)
    {
        var insert = _inserts[rows] ??= PredictionInsert.Prepare(_connection, rows);
        insert.BindModel(model);
        return insert;
    }

    public void Dispose()
    {
        foreach (var insert in _inserts)
        {
            insert?.Dispose();
        }

        _begin.Dispose();
        _commit.Dispose();
        _rollback.Dispose();
        _pending.Dispose();
        _connection.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, _db);
        return statement;
    }

    private void Run(sqlite3_stmt statement)
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    // Model names are 1 to 64 ASCII characters (ModelName.Validate).
    private void BindAscii(sqlite3_stmt statement, int index, string text)
    {
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(64)];
        var length = Encoding.UTF8.GetBytes(text, utf8);
        var rc = raw.sqlite3_bind_text(statement, index, utf8[..length]);
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
