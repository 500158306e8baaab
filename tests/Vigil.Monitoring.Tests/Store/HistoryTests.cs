using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

public class HistoryTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ChecksAndDecisionsRoundTripNewestFirst(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var first = new CheckRecord("m", 1, T0, T0.AddDays(-1), T0, 500, false, "ok", """{"drift":[]}""");
        var id1 = store.SaveCheck(first);
        var id2 = store.SaveCheck(first with { RanAt = T0.AddHours(1), Alarm = true, Status = "drift", WindowStart = null, WindowEnd = null });
        Assert.True(id2 > id1);
        Assert.Equal(first with { Id = id1 }, store.GetCheck(id1));
        Assert.Null(store.GetCheck(12345));
        var checks = store.ListChecks("m", null);
        Assert.Equal([id2, id1], checks.Select(c => c.Id));
        Assert.True(checks[0].Alarm);
        Assert.Null(checks[0].WindowStart);
        Assert.Single(store.ListChecks("m", 1));
        Assert.Empty(store.ListChecks("other", null));

        var decision = new DecisionRecord("m", id2, T0.AddHours(1), true, """["psi>0.2"]""");
        var d1 = store.SaveDecision(decision);
        var d2 = store.SaveDecision(decision with { CheckId = null, Retrain = false, DecidedAt = T0.AddHours(2) });
        Assert.Equal([decision with { CheckId = null, Retrain = false, DecidedAt = T0.AddHours(2), Id = d2 }, decision with { Id = d1 }],
            store.ListDecisions("m"));
        Assert.Throws<WorkspaceInputException>(() => store.SaveDecision(decision with { CheckId = 999 }));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void RetrainRunsFinishOnceAndRunningOnesAreAbandonedOnReopen(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var done = store.StartRetrain("m", T0, "drift on age");
        temp.Clock.Advance(TimeSpan.FromMinutes(5));
        store.FinishRetrain(done, RetrainStatus.Succeeded, 2, true, """{"auc":0.93}""");
        var run = store.GetRetrain(done)!;
        Assert.Equal((RetrainStatus.Succeeded, 2, true, """{"auc":0.93}"""), (run.Status, run.ChallengerVersion!.Value, run.Promoted!.Value, run.DetailJson));
        Assert.Equal(temp.Clock.GetUtcNow(), run.FinishedAt);
        var again = Assert.Throws<WorkspaceInputException>(() => store.FinishRetrain(done, RetrainStatus.Failed, null, null, null));
        Assert.Contains("already finished", again.Message, StringComparison.Ordinal);
        Assert.Throws<WorkspaceInputException>(() => store.FinishRetrain(777, RetrainStatus.Failed, null, null, null));

        var crashed = store.StartRetrain("m", T0.AddHours(1), "scheduled");
        Assert.Equal(RetrainStatus.Running, store.GetRetrain(crashed)!.Status);
        // The owner dies: the same id now belongs to a process with another start mark.
        RetrainOwnershipTests.SetOwner(temp, crashed, Environment.ProcessId, "start:1");
        var reopened = temp.Reopen();
        Assert.Equal(RetrainStatus.Abandoned, reopened.GetRetrain(crashed)!.Status);
        Assert.Equal(RetrainStatus.Succeeded, reopened.GetRetrain(done)!.Status);
        Assert.Equal([crashed, done], reopened.ListRetrains("m").Select(r => r.Id));
        Assert.Throws<WorkspaceInputException>(() => reopened.FinishRetrain(crashed, RetrainStatus.Succeeded, 3, true, null));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task ReadersRunWhileAWriterIngests(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var second = temp.OpenAnother(); // like a second process on the same database
        var writer = Task.Run(() =>
        {
            for (var batch = 0; batch < 20; batch++)
            {
                var rows = Enumerable.Range(batch * 200, 200).Select(i => PredictionLogTests.Row(i)).ToArray();
                store.LogPredictions("m", rows);
                store.LogLabels("m", [new LabelRecord(rows[0].Id, "yes", null)]);
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var reads = 0;
            while (!writer.IsCompleted || reads == 0)
            {
                var window = second.ReadWindow("m", WindowSpec.LastRows(100));
                Assert.True(window.Count <= 100);
                Assert.True(second.CountPredictions("m") >= window.Count);
                reads++;
            }

            return reads;
        })).ToArray();

        await writer;
        var counts = await Task.WhenAll(readers);
        Assert.All(counts, c => Assert.True(c > 0));
        Assert.Equal(4000, second.CountPredictions("m"));
        Assert.Equal(20, second.CountPredictions("m", labelledOnly: true));
    }
}
