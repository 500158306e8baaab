using Microsoft.Data.Sqlite;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>
/// The shadow tables on every backend: the cursor starts at the newest row when a shadow is set, scores and the cursor
/// commit together and only once (a second save from the same position changes nothing), labelled pairs come back
/// oldest first with the shadow's outputs, and setting the same version again keeps the cursor.
/// </summary>
public sealed class ShadowStoreTests
{
    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void CursorScoresOnceAndPairs(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var start = temp.Clock.GetUtcNow();
        PredictionRecord[] Rows(string prefix) => Enumerable.Range(0, 5).Select(i => new PredictionRecord(
            prefix + i, start.AddSeconds(i), new Dictionary<string, object?> { ["x"] = (double)i }, "no", 0.4, 1)).ToArray();
        store.LogPredictions("m", Rows("before"));
        var shadow = store.SetShadow("m", 2, "alice", "try v2");
        Assert.Equal(0, store.CountShadowBacklog("m", shadow.Position));
        store.LogPredictions("m", Rows("after"));

        var work = store.ReadShadowWork("m", shadow.Position, 10);
        Assert.Equal(5, work.Count);
        Assert.Equal(5, store.CountShadowBacklog("m", shadow.Position));
        Assert.Equal(4.0, work[^1].Features["x"]);
        var scores = work.Select((w, i) => new ShadowScore(w.Seq, i == 0 ? null : "yes", i == 0 ? null : 0.8, i == 1 ? [0.2, 0.8] : null)).ToArray();
        Assert.True(store.SaveShadowScores("m", 2, shadow.Position, work[^1].Seq, scores));
        Assert.False(store.SaveShadowScores("m", 2, shadow.Position, work[^1].Seq, scores)); // another scorer got there first
        Assert.Equal((5L, 1L), store.CountShadowScores("m", 2));

        store.LogLabels("m", Enumerable.Range(0, 5).Select(i => new LabelRecord("after" + i, "yes", null)).ToArray());
        var pairs = temp.Reopen().ReadShadowPairs("m", 2, 10);
        Assert.Equal(["after0", "after1", "after2", "after3", "after4"], pairs.Select(p => p.Row.Id));
        Assert.Null(pairs[0].Shadow.Prediction);
        Assert.Equal("yes", pairs[1].Shadow.Prediction);
        Assert.Equal([0.2, 0.8], pairs[1].Shadow.Probabilities!);
        Assert.Equal(0.8, pairs[2].Shadow.Score);
        Assert.Equal("yes", pairs[2].Row.Label);

        store = temp.Store;
        Assert.Equal(work[^1].Seq, store.SetShadow("m", 2, "bob", "again").Position);
        Assert.Equal("alice", store.GetShadow("m")!.SetBy);
        Assert.Single(store.ListShadows());
        Assert.True(store.ClearShadow("m"));
        Assert.Null(store.GetShadow("m"));
        Assert.False(store.ClearShadow("m"));
    }

    [Fact]
    public void OnSqlite_TheShadowsWorkIsReadBySeq_NotSortedOutOfTheTimeIndex()
    {
        // Through the (model, ts) index each batch sorted every row of the model after the cursor, so a batch cost grew
        // with the backlog and a large backlog was never caught up. The plan must walk the rowid range and need no sort.
        var folder = Directory.CreateTempSubdirectory("vigil-shadow-plan-").FullName;
        try
        {
            using (var workspace = VigilWorkspace.Open(folder))
            {
                var start = DateTimeOffset.UnixEpoch.AddDays(20000);
                workspace.Store.LogPredictions("m", Enumerable.Range(0, 50).Select(i => new PredictionRecord(
                    "r" + i, start.AddSeconds(i), new Dictionary<string, object?> { ["x"] = (double)i }, "no", 0.4, 1)).ToArray());
            }

            using var db = new SqliteConnection($"Data Source={Path.Combine(folder, "vigil.db")};Mode=ReadOnly;Pooling=False");
            db.Open();
            foreach (var sql in new[] { MonitoringStore.ShadowWorkSql, MonitoringStore.ShadowBacklogSql })
            {
                using var command = db.CreateCommand();
                command.CommandText = "EXPLAIN QUERY PLAN " + sql;
                command.Parameters.AddWithValue("$m", "m");
                command.Parameters.AddWithValue("$after", 10L);
                command.Parameters.AddWithValue("$n", 1000);
                using var reader = command.ExecuteReader();
                var plan = new List<string>();
                while (reader.Read())
                {
                    plan.Add(reader.GetString(3));
                }

                var text = string.Join(" | ", plan);
                Assert.Contains("INTEGER PRIMARY KEY (rowid>?)", text, StringComparison.Ordinal);
                Assert.DoesNotContain("TEMP B-TREE", text, StringComparison.Ordinal);
                Assert.DoesNotContain("predictions_by_time", text, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
