using Npgsql;

namespace Vigil.Store.Postgres;

/// <summary>
/// A session-scoped advisory lock per model that orders the inserts of a model's predictions, so that a second
/// ingestion of the model can insert its rows while the first one is still waiting for its commit's WAL flush.
/// An ingestion takes it, inserts (its <c>seq</c> values are then all above the previous holder's), takes the model's
/// <see cref="ModelLock"/> (held by the previous ingestion until it has committed and become visible) and only then
/// releases this one. So a model's rows still become visible in <c>seq</c> order — what the stream cursors and the
/// shadow scorer rely on — while the flush of one transaction overlaps the insert of the next. Labels and every other
/// write that needs one writer per model keep taking <see cref="ModelLock"/> only: an ingestion joins pending labels
/// after it holds that lock. Session-scoped, so a failed write must release it before its connection goes back to
/// the pool (<see cref="Release"/>).
/// </summary>
internal static class ModelInsertLock
{
    // The two-key lock space's second half ("Vig2"), apart from ModelLock's and the migration lock's.
    private const int Space = 0x56696732;

    /// <summary>The statement that waits for the insert lock of <paramref name="model"/> (held by the session).</summary>
    public static NpgsqlBatchCommand Take(string model) => Command("SELECT pg_advisory_lock(@lockspace, hashtext(@m))", model);

    /// <summary>The statement that releases it, to send once the model's <see cref="ModelLock"/> is held.</summary>
    public static NpgsqlBatchCommand ReleaseCommand(string model) => Command("SELECT pg_advisory_unlock(@lockspace, hashtext(@m))", model);

    /// <summary>
    /// Releases the insert lock of <paramref name="model"/> after a write that failed (a no-op when the failure came
    /// before it was taken or after it was released). A connection on which that is not possible is closed for good,
    /// which releases the lock on the server.
    /// </summary>
    public static void Release(NpgsqlConnection connection, string model)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                using var batch = new NpgsqlBatch(connection);
                batch.BatchCommands.Add(ReleaseCommand(model));
                batch.ExecuteNonQuery();
                return;
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // Fall through: the session may still hold the lock.
        }

        NpgsqlConnection.ClearPool(connection);
    }

    private static NpgsqlBatchCommand Command(string sql, string model)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<int>("lockspace", NpgsqlTypes.NpgsqlDbType.Integer) { TypedValue = Space });
        command.Parameters.Add(new NpgsqlParameter<string>("m", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = model });
        return command;
    }
}
