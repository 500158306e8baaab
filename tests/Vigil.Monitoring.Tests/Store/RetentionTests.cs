using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>Retention (#19 §3): old raw rows go once a stored check covers them; history stays.</summary>
public class RetentionTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void RowsGoOnlyWhenOldAndCoveredByAStoredCheck(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogPredictions("m", Enumerable.Range(0, 20).Select(i => PredictionLogTests.Row(i)).ToList());
        store.LogPredictions("other", Enumerable.Range(0, 20).Select(i => PredictionLogTests.Row(i)).ToList());
        var cutoff = T0.AddMinutes(15);

        // No check yet: nothing is covered, so nothing goes however old.
        var none = store.DeleteExpiredPredictions("m", cutoff);
        Assert.Equal((0L, 15L), (none.DeletedPredictions, none.Kept));
        Assert.Equal(20, store.CountPredictions("m", labelledOnly: false));

        // A check whose window ends at minute 9 covers rows 0..9; rows 10..14 are old but uncovered and stay.
        var checkId = store.SaveCheck(new CheckRecord("m", 1, T0.AddHours(1), T0, T0.AddMinutes(9), 10, false, "ok", "{}"));
        var result = store.DeleteExpiredPredictions("m", cutoff);
        Assert.Equal((10L, 5L), (result.DeletedPredictions, result.Kept));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => "r" + i), store.ReadWindow("m", WindowSpec.All).Select(r => r.Id));

        // Another model's rows and the history are untouched; a second pass deletes nothing more.
        Assert.Equal(20, store.CountPredictions("other", labelledOnly: false));
        Assert.NotNull(store.GetCheck(checkId));
        Assert.Equal(0, store.DeleteExpiredPredictions("m", cutoff).DeletedPredictions);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void TheCutoffBoundsACheckThatCoversNewerRows(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogPredictions("m", Enumerable.Range(0, 20).Select(i => PredictionLogTests.Row(i)).ToList());
        store.SaveCheck(new CheckRecord("m", 1, T0.AddHours(1), T0, T0.AddMinutes(19), 20, false, "ok", "{}"));

        // Rows at minutes 0..7 are older than the cutoff; the row exactly at the cutoff stays.
        var result = store.DeleteExpiredPredictions("m", T0.AddMinutes(8));
        Assert.Equal((8L, 0L), (result.DeletedPredictions, result.Kept));
        Assert.Equal("r8", store.ReadWindow("m", WindowSpec.All)[0].Id);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ManyRowsGoInSeveralBatchesAndLabelsOfKeptRowsStillJoin(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var count = RetentionRule.BatchRows * 2 + 7;
        store.LogPredictions("m", Enumerable.Range(0, count).Select(i => PredictionLogTests.Row(i)).ToList());
        store.SaveCheck(new CheckRecord("m", 1, T0.AddDays(30), T0, T0.AddMinutes(count), count, false, "ok", "{}"));

        var result = store.DeleteExpiredPredictions("m", T0.AddMinutes(count - 3));
        Assert.Equal(count - 3, result.DeletedPredictions);
        Assert.Equal(new LabelResult(1, 0, 0), store.LogLabels("m", [new LabelRecord("r" + (count - 1), "yes", null)]));

        // A label for a deleted row waits like any label without its prediction, and goes at a later pass.
        Assert.Equal(new LabelResult(0, 1, 0), store.LogLabels("m", [new LabelRecord("r0", "yes", null)]));
        temp.Clock.Advance(TimeSpan.FromDays(1));
        var later = store.DeleteExpiredPredictions("m", temp.Clock.GetUtcNow());
        Assert.Equal(1, later.DeletedPendingLabels);
        Assert.Equal(0, store.CountPendingLabels("m"));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void AShadowsScoresGoWithTheirRows(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var shadow = store.SetShadow("m", 2, "alice", "try v2"); // a shadow scores the rows logged after it is set
        store.LogPredictions("m", Enumerable.Range(0, 20).Select(i => PredictionLogTests.Row(i)).ToList());
        var work = store.ReadShadowWork("m", shadow.Position, 100);
        Assert.Equal(20, work.Count);
        Assert.True(store.SaveShadowScores("m", 2, shadow.Position, work[^1].Seq, work.Select(w => new ShadowScore(w.Seq, "yes", 0.7)).ToList()));
        store.SaveCheck(new CheckRecord("m", 1, T0.AddHours(1), T0, T0.AddMinutes(9), 10, false, "ok", "{}"));

        Assert.Equal(10, store.DeleteExpiredPredictions("m", T0.AddMinutes(15)).DeletedPredictions);
        Assert.Equal((10L, 0L), store.CountShadowScores("m", 2));
    }
}
