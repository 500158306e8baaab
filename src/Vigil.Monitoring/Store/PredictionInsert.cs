using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Vigil.Monitoring.Store;

/// <summary>
/// A multi-row <c>INSERT … ON CONFLICT (model, id) DO NOTHING</c> into <c>predictions</c>, prepared once on the
/// connection's own SQLite handle and bound by position. The ingestion hot path: Microsoft.Data.Sqlite binds by
/// parameter name (a lookup linear in the statement's parameter count), boxes every value and re-encodes every
/// string on each execution; binding positions directly with UTF-8 text does none of that, so the single writer
/// thread spends its time in SQLite's B-trees rather than in binding.
/// Runs inside the caller's transaction (the same connection); kept prepared between batches, so a one-row batch
/// costs no SQL text and no prepare.
/// </summary>
internal sealed class PredictionInsert : IDisposable
{
    /// <summary>Rows per statement: one step inserts this many (bound by position, so larger costs nothing extra).</summary>
    public const int RowsPerStatement = 64;

    private const int ColumnsPerRow = 6;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(4096);

    private PredictionInsert(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>
    /// Prepares the statement for <paramref name="rows"/> rows. The ingestion connection keeps it between batches
    /// (<see cref="IngestConnection"/>); <see cref="BindModel"/> before the first row of each batch.
    /// </summary>
    public static PredictionInsert Prepare(SqliteConnection connection, int rows)
    {
        var sql = new StringBuilder("INSERT INTO predictions (model, id, ts, features, prediction, score, model_version) VALUES ", 100 + (rows * 40));
        for (var k = 0; k < rows; k++)
        {
            var p = 2 + (k * ColumnsPerRow);
            sql.Append(k == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                $"(?1,?{p},?{p + 1},?{p + 2},?{p + 3},?{p + 4},?{p + 5})");
        }

        sql.Append(" ON CONFLICT (model, id) DO NOTHING");
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(db, sql.ToString(), out var statement);
        SqliteException.ThrowExceptionForRC(rc, db);
        return new PredictionInsert(db, statement);
    }

    /// <summary>The model every row of the statement goes to (a binding lasts until it is bound again).</summary>
    public void BindModel(string model) => Text(1, model);

    /// <summary>Binds row <paramref name="k"/> (0-based within the statement).</summary>
    public void Bind(int k, string id, long ticks, string features, string prediction, double? score, int? modelVersion)
    {
        var p = 2 + (k * ColumnsPerRow);
        Text(p, id);
        Check(raw.sqlite3_bind_int64(_statement, p + 1, ticks));
        Text(p + 2, features);
        Text(p + 3, prediction);
        Check(score.HasValue ? raw.sqlite3_bind_double(_statement, p + 4, score.Value) : raw.sqlite3_bind_null(_statement, p + 4));
        Check(modelVersion.HasValue ? raw.sqlite3_bind_int64(_statement, p + 5, modelVersion.Value) : raw.sqlite3_bind_null(_statement, p + 5));
    }

    /// <summary>Inserts the bound rows; returns how many were new (the rest were duplicates by id).</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            SqliteException.ThrowExceptionForRC(rc, _db);
        }

        var changed = raw.sqlite3_changes(_db);
        Check(raw.sqlite3_reset(_statement));
        return changed;
    }

    private void Text(int index, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _scratch.Length)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = ArrayPool<byte>.Shared.Rent(max);
        }

        var length = Encoding.UTF8.GetBytes(value, _scratch);
        // SQLitePCLRaw binds spans with SQLITE_TRANSIENT: SQLite copies the bytes, so the scratch buffer is reused.
        Check(raw.sqlite3_bind_text(_statement, index, _scratch.AsSpan(0, length)));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        if (_scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = [];
        }
    }
}
