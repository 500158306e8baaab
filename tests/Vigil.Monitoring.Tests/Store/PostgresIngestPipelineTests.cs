using System.Globalization;
using Npgsql;
using Vigil.Monitoring.Store;
using Vigil.Store.Postgres;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>
/// PostgreSQL ingestion of one model in two transactions at once: the second inserts while the first still holds the
/// model lock (its commit being flushed), becomes visible only after it, and a write that fails leaves no lock behind.
/// </summary>
public sealed class PostgresIngestPipelineTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static PredictionRecord[] Rows(int from, int count) => Enumerable.Range(from, count)
        .Select(i => new PredictionRecord("r" + i.ToString(CultureInfo.InvariantCulture), T0.AddSeconds(i),
            new Dictionary<string, object?> { ["x"] = i }, "yes", 0.5, 1))
        .ToArray();

    [SkippableFact]
    public async Task AnIngestionInsertsWhileThePreviousOneStillHoldsTheModelLockAndBecomesVisibleAfterIt()
    {
        using var temp = TempStore.Open(StoreBackends.Postgres);
        temp.Store.LogPredictions("m", Rows(0, 10));

        // An earlier write of the model that has not committed yet (as an ingestion waiting for its WAL flush).
        using var earlier = (NpgsqlConnection)temp.Connect();
        using var transaction = earlier.BeginTransaction();
        ModelLock.Take(earlier, transaction, "m");

        var ingestion = Task.Run(() => temp.OpenAnother().LogPredictions("m", Rows(10, 500)));

        // The ingestion's backend waits for the model lock with its rows already inserted: it holds the table's
        // row-exclusive lock. (Taking the model lock first, it would wait before touching the table.)
        using var watcher = (NpgsqlConnection)temp.Connect();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!WaitsForTheModelLockWithRowsInserted(watcher, earlier.ProcessID))
        {
            Assert.False(ingestion.IsCompleted, "the ingestion finished while the model lock was held");
            Assert.True(DateTime.UtcNow < deadline, "the ingestion never inserted while the previous write held the model lock");
            await Task.Delay(20);
        }

        Assert.Equal(10, temp.Store.CountPredictions("m")); // not visible before its commit
        transaction.Commit();
        var result = await ingestion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((500, 0), (result.Inserted, result.Duplicates));
        Assert.Equal(510, temp.Store.CountPredictions("m"));

        // Positions follow the order the rows were sent in, the later ingestion's above the earlier rows.
        var positions = temp.Store.ReadStreamRows("m", Vigil.Monitoring.Streams.StreamKind.Score, 0, 1000).Select(r => r.Id).ToArray();
        Assert.Equal(Rows(0, 510).Select(r => r.Id), positions);
    }

    // 5 rows go in by the array insert, 400 by COPY (PostgresMonitoringStore.CopyRows).
    [SkippableTheory]
    [InlineData(5)]
    [InlineData(400)]
    public async Task AWriteThatFailsInTheDatabaseLeavesNoLockBehind(int rows)
    {
        using var temp = TempStore.Open(StoreBackends.Postgres);
        temp.Execute("""
            CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.id = 'boom' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse_boom BEFORE INSERT ON predictions FOR EACH ROW EXECUTE FUNCTION refuse_boom();
            """);
        var store = temp.OpenAnother();
        store.LogPredictions("m", Rows(0, 5));
        var boom = Rows(5, rows).Append(Rows(99_999, 1)[0] with { Id = "boom" }).ToArray();

        // Failing on the first attempt and on the retry after a stored id (r0 again). The insert lock is a session
        // lock, which a rollback does not release; one left on the failed write's connection while it sits in the pool
        // would stop every other writer of the model.
        Assert.Throws<PostgresException>(() => store.LogPredictions("m", boom));
        Assert.Equal(0, AdvisoryLocksHeld(temp));
        Assert.Throws<PostgresException>(() => store.LogPredictions("m", [.. Rows(0, 1), .. boom]));
        Assert.Equal(0, AdvisoryLocksHeld(temp));

        var other = Task.Run(() => temp.OpenAnother().LogPredictions("m", Rows(5, rows)));
        Assert.Equal(rows, (await other.WaitAsync(TimeSpan.FromSeconds(30))).Inserted);
        Assert.Equal(5 + rows, store.CountPredictions("m"));
    }

    [SkippableFact]
    public void ALargeGroupIsCopiedWithTheSameContract_FirstRowKept_DuplicatesCounted_PendingLabelsJoined()
    {
        using var temp = TempStore.Open(StoreBackends.Postgres);
        // Which statement stored the rows: COPY for a large group of new ids, the array insert otherwise.
        temp.Execute("""
            CREATE TABLE statements_seen (statement TEXT);
            CREATE FUNCTION note_statement() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO statements_seen VALUES (split_part(ltrim(current_query()), ' ', 1)); RETURN NULL; END $$;
            CREATE TRIGGER note_statement AFTER INSERT ON predictions FOR EACH STATEMENT EXECUTE FUNCTION note_statement();
            """);
        var store = temp.Store;
        store.LogPredictions("m", Rows(0, 10));
        Assert.Equal(new LabelResult(0, 3, 0), store.LogLabels("m",
            [new LabelRecord("r100", "no", null), new LabelRecord("r200", "yes", null), new LabelRecord("r399", "no", null)]));

        // 390 new ids, each later sent again in the same call with another prediction (the first stays).
        var fresh = Rows(10, 390);
        var result = store.LogPredictions("m", [.. fresh, .. fresh.Take(5).Select(r => r with { Prediction = "no" })]);
        Assert.Equal(new IngestResult(390, 5, 3), result);
        Assert.Equal(["INSERT", "COPY"], StatementsSeen(temp));

        // A large group with three stored ids: the copy fails whole, and the conflict-skipping insert stores the rest.
        var mixed = Rows(400, 300).Concat(Rows(0, 3).Select(r => r with { Prediction = "no" })).ToArray();
        Assert.Equal(new IngestResult(300, 3, 0), store.LogPredictions("m", mixed));
        Assert.Equal(["INSERT", "COPY", "INSERT"], StatementsSeen(temp));

        Assert.Equal(700, store.CountPredictions("m"));
        Assert.Equal(0, store.CountPendingLabels("m"));
        var stored = store.ReadWindow("m", WindowSpec.All).ToDictionary(r => r.Id);
        Assert.All(Rows(0, 700), r => Assert.Equal("yes", stored[r.Id].Prediction));
        Assert.Equal("yes", stored["r200"].Label);
        var positions = store.ReadStreamRows("m", Vigil.Monitoring.Streams.StreamKind.Score, 0, 1000).Select(r => r.Id).ToArray();
        Assert.Equal(Rows(0, 700).Select(r => r.Id), positions);
    }

    private static string[] StatementsSeen(TempStore temp)
    {
        using var connection = (NpgsqlConnection)temp.Connect();
        using var command = new NpgsqlCommand("SELECT statement FROM statements_seen", connection);
        using var reader = command.ExecuteReader();
        var seen = new List<string>();
        while (reader.Read())
        {
            seen.Add(reader.GetString(0));
        }

        return [.. seen];
    }

    private static bool WaitsForTheModelLockWithRowsInserted(NpgsqlConnection watcher, int holder)
    {
        using var command = new NpgsqlCommand(
            """
            SELECT COUNT(*) FROM pg_locks w
            WHERE w.locktype = 'advisory' AND NOT w.granted AND w.pid <> @holder
              AND EXISTS (SELECT 1 FROM pg_locks t WHERE t.pid = w.pid AND t.granted AND t.mode = 'RowExclusiveLock'
                          AND t.relation = 'predictions'::regclass)
            """, watcher);
        command.Parameters.AddWithValue("holder", holder);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    }

    private static long AdvisoryLocksHeld(TempStore temp)
    {
        using var connection = (NpgsqlConnection)temp.Connect();
        using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            connection);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
