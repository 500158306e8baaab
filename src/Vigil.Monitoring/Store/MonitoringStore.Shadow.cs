using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Store;

// Shadow challengers: which version shadows a model, its cursor through the log, and what it made of each row.
public sealed partial class MonitoringStore
{
    /// <summary>
    /// Makes <paramref name="version"/> the shadow of <paramref name="model"/>, replacing any other: it scores the rows
    /// logged from now on (its cursor starts at the newest logged row). Setting the same version again keeps its cursor.
    /// </summary>
    public StoredShadow SetShadow(string model, int version, string setBy, string reason)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(setBy);
        ArgumentNullException.ThrowIfNull(reason);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        var newest = connection.Scalar(transaction, "SELECT MAX(seq) FROM predictions WHERE model = $m", ("$m", model)) is long n ? n : 0;
        connection.Execute(transaction,
            "INSERT INTO shadows (model, version, position, set_at, set_by, reason) VALUES ($m, $v, $p, $at, $by, $r) " +
            "ON CONFLICT (model) DO UPDATE SET version = excluded.version, position = excluded.position, set_at = excluded.set_at, " +
            "set_by = excluded.set_by, reason = excluded.reason WHERE shadows.version <> excluded.version",
            ("$m", model), ("$v", version), ("$p", newest), ("$at", StoredTime.ToTicks(_time.GetUtcNow())), ("$by", setBy), ("$r", reason));
        transaction.Commit();
        return GetShadow(model)!;
    }

    /// <summary>Stops <paramref name="model"/>'s shadow (its stored scores stay); false when it had none.</summary>
    public bool ClearShadow(string model)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return connection.Execute(null, "DELETE FROM shadows WHERE model = $m", ("$m", model)) == 1;
    }

    /// <summary><paramref name="model"/>'s shadow, or null when it has none.</summary>
    public StoredShadow? GetShadow(string model)
    {
        ModelName.Validate(model);
        return Read($"SELECT {ShadowRecords.ShadowColumns} FROM shadows WHERE model = $m", ShadowRecords.Shadow, ("$m", model)).SingleOrDefault();
    }

    /// <summary>Every model's shadow, by model name.</summary>
    public IReadOnlyList<StoredShadow> ListShadows() =>
        Read($"SELECT {ShadowRecords.ShadowColumns} FROM shadows ORDER BY model", ShadowRecords.Shadow);

    // "+model" keeps SQLite off the (model, ts) index: through it, each batch of the shadow's work sorted every row of
    // the model after the cursor (a temporary B-tree), so a batch cost grew with the backlog and a large backlog was
    // never caught up (1.5 million rows waiting: about 0.5 s a 1000-row batch). By seq (the rowid) a batch reads its own
    // rows in order and stops at the limit; the backlog count costs the backlog, not every row the model ever logged.
    internal const string ShadowWorkSql = "SELECT seq, features FROM predictions WHERE seq > $after AND +model = $m ORDER BY seq LIMIT $n";
    internal const string ShadowBacklogSql = "SELECT COUNT(*) FROM predictions WHERE seq > $after AND +model = $m";

    /// <summary>Up to <paramref name="limit"/> logged rows of <paramref name="model"/> after <paramref name="after"/> (by seq): the shadow's next work.</summary>
    public IReadOnlyList<(long Seq, IReadOnlyDictionary<string, object?> Features)> ReadShadowWork(string model, long after, int limit)
    {
        ModelName.Validate(model);
        return Read(ShadowWorkSql,
            r => (r.GetInt64(0), (IReadOnlyDictionary<string, object?>)FeatureJson.Decode(r.GetString(1))), ("$m", model), ("$after", after), ("$n", limit));
    }

    /// <summary>Number of logged rows of <paramref name="model"/> after <paramref name="after"/> (the shadow's backlog).</summary>
    public long CountShadowBacklog(string model, long after)
    {
        ModelName.Validate(model);
        using var connection = _database.Connect();
        return (long)connection.Scalar(null, ShadowBacklogSql, ("$m", model), ("$after", after))!;
    }

    /// <summary>
    /// Stores the shadow's <paramref name="scores"/> and moves its cursor to <paramref name="position"/>, in one
    /// transaction. Optimistic: when the shadow is no longer <paramref name="version"/> at <paramref name="expected"/>
    /// (another process scored these rows, or the shadow changed), nothing is written and false is returned, so each
    /// row is scored once.
    /// </summary>
    public bool SaveShadowScores(string model, int version, long expected, long position, IReadOnlyList<ShadowScore> scores)
    {
        ModelName.Validate(model);
        ArgumentNullException.ThrowIfNull(scores);
        using var connection = _database.Connect();
        using var transaction = connection.BeginTransaction(deferred: false);
        if (connection.Execute(transaction, "UPDATE shadows SET position = $p WHERE model = $m AND version = $v AND position = $e",
                ("$m", model), ("$v", version), ("$e", expected), ("$p", position)) == 0)
        {
            return false;
        }

        using var insert = connection.Command(transaction,
            "INSERT OR IGNORE INTO shadow_scores (model, version, prediction_seq, prediction, score, probabilities, scored_at) " +
            "VALUES ($m, $v, $seq, $pred, $score, $probs, $at)");
        insert.Parameters.AddWithValue("$m", model);
        insert.Parameters.AddWithValue("$v", version);
        insert.Parameters.AddWithValue("$at", StoredTime.ToTicks(_time.GetUtcNow()));
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var pred = insert.Parameters.Add("$pred", SqliteType.Text);
        var score = insert.Parameters.Add("$score", SqliteType.Real);
        var probs = insert.Parameters.Add("$probs", SqliteType.Text);
        insert.Prepare();
        foreach (var s in scores)
        {
            seq.Value = s.Seq;
            pred.Value = (object?)s.Prediction ?? DBNull.Value;
            score.Value = s.Score is { } v && double.IsFinite(v) ? v : DBNull.Value;
            probs.Value = ShadowRecords.Probabilities(s);
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    }

    /// <summary>Rows <paramref name="version"/> has scored as a shadow of <paramref name="model"/>, and how many of them it could not score.</summary>
    public (long Scored, long Failed) CountShadowScores(string model, int version)
    {
        ModelName.Validate(model);
        return Read("SELECT COUNT(*), COALESCE(SUM(prediction IS NULL), 0) FROM shadow_scores WHERE model = $m AND version = $v",
            r => (r.GetInt64(0), r.GetInt64(1)), ("$m", model), ("$v", version)).Single();
    }

    /// <summary>
    /// The <paramref name="count"/> labelled rows of <paramref name="model"/> scored by shadow <paramref name="version"/>
    /// whose labels arrived last, oldest first (by timestamp, then arrival), each with the shadow's output.
    /// </summary>
    public IReadOnlyList<ShadowPair> ReadShadowPairs(string model, int version, int count)
    {
        ModelName.Validate(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return Read(
            $"SELECT {ShadowRecords.PairColumns} FROM predictions p " +
            "JOIN shadow_scores s ON s.model = $m AND s.version = $v AND s.prediction_seq = p.seq " +
            "WHERE p.model = $m AND p.label IS NOT NULL ORDER BY p.labelled_at DESC, p.seq DESC LIMIT $n",
            ShadowRecords.Pair,
            ("$m", model), ("$v", version), ("$n", count))
            .OrderBy(p => p.Row.Timestamp).ThenBy(p => p.Shadow.Seq).ToArray();
    }
}
