using Npgsql;
using NpgsqlTypes;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Store.Postgres;

// Shadow challengers: which version shadows a model, its cursor through the log (predictions.seq, which follows
// commit order per model because ingestion holds the model's lock), and what it made of each row.
public sealed partial class PostgresMonitoringStore
{
    public StoredShadow SetShadow(string model, int version, string setBy, string reason)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(setBy);
        ArgumentNullException.ThrowIfNull(reason);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        ModelLock.Take(connection, transaction, model); // no ingestion commits between reading the newest row and the cursor
        var newest = connection.Scalar(transaction, "SELECT MAX(seq) FROM predictions WHERE model = @m", ("@m", model)) is long n ? n : 0;
        connection.Execute(transaction,
            "INSERT INTO shadows (model, version, position, set_at, set_by, reason) VALUES (@m, @v, @p, @at, @by, @r) " +
            "ON CONFLICT (model) DO UPDATE SET version = excluded.version, position = excluded.position, set_at = excluded.set_at, " +
            "set_by = excluded.set_by, reason = excluded.reason WHERE shadows.version <> excluded.version",
            ("@m", model), ("@v", version), ("@p", newest), ("@at", StoredTime.ToTicks(_time.GetUtcNow())), ("@by", setBy), ("@r", reason));
        transaction.Commit();
        return GetShadow(model)!;
    }

    public bool ClearShadow(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return connection.Execute(null, "DELETE FROM shadows WHERE model = @m", ("@m", model)) == 1;
    }

    public StoredShadow? GetShadow(string model)
    {
        ModelName.Validate(model);
        return Read($"SELECT {ShadowRecords.ShadowColumns} FROM shadows WHERE model = @m", ShadowRecords.Shadow, ("@m", model)).SingleOrDefault();
    }

    public IReadOnlyList<StoredShadow> ListShadows() =>
        Read($"SELECT {ShadowRecords.ShadowColumns} FROM shadows ORDER BY model", ShadowRecords.Shadow);

    public IReadOnlyList<(long Seq, IReadOnlyDictionary<string, object?> Features)> ReadShadowWork(string model, long after, int limit)
    {
        ModelName.Validate(model);
        return Read("SELECT seq, features FROM predictions WHERE model = @m AND seq > @after ORDER BY seq LIMIT @n",
            r => (r.GetInt64(0), (IReadOnlyDictionary<string, object?>)FeatureJson.Decode(r.GetString(1))), ("@m", model), ("@after", after), ("@n", (long)limit));
    }

    public long CountShadowBacklog(string model, long after)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null, "SELECT COUNT(*) FROM predictions WHERE model = @m AND seq > @after", ("@m", model), ("@after", after))!;
    }

    public bool SaveShadowScores(string model, int version, long expected, long position, IReadOnlyList<ShadowScore> scores)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(scores);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction();
        // Row-locked: a concurrent scorer waits, then finds the cursor moved and writes nothing.
        if (connection.Execute(transaction, "UPDATE shadows SET position = @p WHERE model = @m AND version = @v AND position = @e",
                ("@m", model), ("@v", version), ("@e", expected), ("@p", position)) == 0)
        {
            return false;
        }

        using var insert = new NpgsqlCommand(
            "INSERT INTO shadow_scores (model, version, prediction_seq, prediction, score, probabilities, scored_at) " +
            "SELECT @m, @v, s, p, sc, pr, @at FROM unnest(@seqs, @preds, @scores, @probs) AS t(s, p, sc, pr) ON CONFLICT DO NOTHING",
            connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<string>("m", NpgsqlDbType.Text) { TypedValue = model });
        insert.Parameters.Add(new NpgsqlParameter<int>("v", NpgsqlDbType.Integer) { TypedValue = version });
        insert.Parameters.Add(new NpgsqlParameter<long>("at", NpgsqlDbType.Bigint) { TypedValue = StoredTime.ToTicks(_time.GetUtcNow()) });
        insert.Parameters.Add(new NpgsqlParameter<long[]>("seqs", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = scores.Select(s => s.Seq).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("preds", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = scores.Select(s => s.Prediction).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter<double?[]>("scores", NpgsqlDbType.Array | NpgsqlDbType.Double)
        {
            TypedValue = scores.Select(s => s.Score is { } v && double.IsFinite(v) ? v : (double?)null).ToArray(),
        });
        insert.Parameters.Add(new NpgsqlParameter<string?[]>("probs", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            TypedValue = scores.Select(s => ShadowRecords.Probabilities(s) as string).ToArray(),
        });
        insert.ExecuteNonQuery();
        transaction.Commit();
        return true;
    }

    public (long Scored, long Failed) CountShadowScores(string model, int version)
    {
        ModelName.Validate(model);
        return Read("SELECT COUNT(*), COUNT(*) FILTER (WHERE prediction IS NULL) FROM shadow_scores WHERE model = @m AND version = @v",
            r => (r.GetInt64(0), r.GetInt64(1)), ("@m", model), ("@v", version)).Single();
    }

    public IReadOnlyList<ShadowPair> ReadShadowPairs(string model, int version, int count)
    {
        ModelName.Validate(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Read(
            $"SELECT {ShadowRecords.PairColumns} FROM predictions p " +
            "JOIN shadow_scores s ON s.model = @m AND s.version = @v AND s.prediction_seq = p.seq " +
            "WHERE p.model = @m AND p.label IS NOT NULL ORDER BY p.labelled_at DESC, p.seq DESC LIMIT @n",
            ShadowRecords.Pair, ("@m", model), ("@v", version), ("@n", (long)count))
            .OrderBy(p => p.Row.Timestamp).ThenBy(p => p.Shadow.Seq).ToArray();
    }
}
