using Npgsql;
using NpgsqlTypes;

namespace Vigil.Store.Postgres;

// A large group of new rows goes in by binary COPY straight into predictions: PostgreSQL then inserts them a page at a
// time (heap multi-insert), which costs it less processor time and WAL per row than INSERT … SELECT unnest(…). It
// takes four round trips where the array insert takes one, so small groups (a /predict call's row) keep that one.
public sealed partial class PostgresMonitoringStore
{
    /// <summary>Groups of at least this many new rows are copied rather than inserted.</summary>
    internal const int CopyRows = 256;

    private const string CopyIn =
        "COPY predictions (model, id, ts, features, prediction, score, model_version) FROM STDIN (FORMAT BINARY)";

    // The same transaction and locks as the array insert (Write), in three steps: BEGIN with the insert lock, the COPY
    // (a stored id fails it whole with a unique violation, and the caller retries with the conflict-skipping insert),
    // then the model lock, the insert lock's release, the pending labels' join and COMMIT in one batch, so a failed
    // commit surfaces before any caller is told the rows are stored.
    private int[] CopyNew(NpgsqlConnection connection, string model, StagedRows staged, int batches)
    {
        using (var begin = new NpgsqlBatch(connection))
        {
            begin.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            begin.BatchCommands.Add(ModelInsertLock.Take(model));
            begin.ExecuteNonQuery();
        }

        using (var copy = connection.BeginBinaryImport(CopyIn))
        {
            for (var i = 0; i < staged.Count; i++)
            {
                copy.StartRow();
                copy.Write(model, NpgsqlDbType.Text);
                copy.Write(staged.Ids[i], NpgsqlDbType.Text);
                copy.Write(staged.Ticks[i], NpgsqlDbType.Bigint);
                copy.Write(staged.Features[i], NpgsqlDbType.Text);
                copy.Write(staged.Predictions[i], NpgsqlDbType.Text);
                WriteOrNull(copy, staged.Scores[i], NpgsqlDbType.Double);
                WriteOrNull(copy, staged.ModelVersions[i], NpgsqlDbType.Integer);
            }

            copy.Complete();
        }

        var lateJoined = new int[batches];
        using var finish = new NpgsqlBatch(connection);
        finish.BatchCommands.Add(ModelLock.Command(model));
        finish.BatchCommands.Add(ModelInsertLock.ReleaseCommand(model));
        finish.BatchCommands.Add(JoinCommand(model, staged.Ids));
        finish.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        using var reader = finish.ExecuteReader();
        reader.NextResult(); // the model lock's row, then the release's
        reader.NextResult();
        CountJoined(reader, staged, lateJoined);

        while (reader.NextResult())
        {
        }

        return lateJoined;
    }

    // After a failed copy the transaction is aborted (or already gone); it must end before the session-scoped insert
    // lock can be released on this connection.
    private static void RollBack(NpgsqlConnection connection)
    {
        try
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                using var rollback = new NpgsqlBatch(connection);
                rollback.BatchCommands.Add(new NpgsqlBatchCommand("ROLLBACK"));
                rollback.ExecuteNonQuery();
            }
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // ModelInsertLock.Release closes a connection it cannot use, which ends the transaction on the server.
        }
    }

    private static void WriteOrNull<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
