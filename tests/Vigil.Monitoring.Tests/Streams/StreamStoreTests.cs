using Vigil.AutoML;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Tests.Store;

namespace Vigil.Monitoring.Tests.Streams;

/// <summary>
/// The streams the online detectors read: the error stream in the order labels join (whichever side arrives first),
/// the score stream in log order, each fed exactly once across passes and store reopenings.
/// </summary>
public class StreamStoreTests
{
    private static PredictionRecord Row(int i, string prediction, double? score = 0.5, int? version = 1) => new(
        "r" + i, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i),
        new Dictionary<string, object?> { ["x"] = i }, prediction, score, version);

    private static StreamUpdate Watch(TempStore temp, StreamOptions? options = null, AutoMLTask task = AutoMLTask.Binary, int champion = 1) =>
        StreamWatch.Update(temp.Store, "m", champion, task, options ?? new StreamOptions(), temp.Clock, CancellationToken.None);

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void TheErrorStreamFollowsTheOrderLabelsJoinIn(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogLabels("m", [new LabelRecord("r2", "no", null)]);       // waits for its prediction
        store.LogPredictions("m", [Row(0, "yes"), Row(1, "yes"), Row(2, "yes")]); // r2 joins now: first in the stream
        store.LogLabels("m", [new LabelRecord("r1", "YES", null), new LabelRecord("r0", "no", null)]);
        var rows = store.ReadStreamRows("m", StreamKind.Error, 0, 100);
        Assert.Equal(["r2", "r1", "r0"], rows.Select(r => r.Id));
        Assert.Equal(["no", "YES", "no"], rows.Select(r => r.Label));

        var update = Watch(temp);
        Assert.Equal(3, update.Read[StreamKind.Error]);
        var error = temp.Store.ReadStreamState("m", StreamKind.Error)!;
        Assert.Equal(3, error.Observations);
        var ddm = StreamWatch.Status(store, "m").Single(s => s.Stream == StreamKind.Error).Detectors.Single(d => d.Name == "ddm");
        Assert.Equal(2 / 3.0, ddm.Estimate, 12); // r2 and r0 wrong, r1 right (case ignored)
        Assert.Empty(store.ReadStreamRows("m", StreamKind.Error, 0, 100)); // read joins are pruned
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void EachValueIsReadOnceAcrossPassesAndReopenings(string backend)
    {
        using var temp = TempStore.Open(backend);
        temp.Store.LogPredictions("m", Enumerable.Range(0, 50).Select(i => Row(i, "1", i % 10 / 10.0)).ToArray());
        Assert.Equal(50, Watch(temp).Read[StreamKind.Score]);
        Assert.Equal(0, Watch(temp).Read[StreamKind.Score]);
        temp.Reopen();
        temp.Store.LogPredictions("m", Enumerable.Range(50, 20).Select(i => Row(i, "1", i % 10 / 10.0)).ToArray());
        Assert.Equal(20, Watch(temp, new StreamOptions { BatchRows = 7 }).Read[StreamKind.Score]); // in batches of 7
        var score = temp.Store.ReadStreamState("m", StreamKind.Score)!;
        Assert.Equal(70, score.Observations);
        var adwin = StreamWatch.Status(temp.Store, "m").Single(s => s.Stream == StreamKind.Score).Detectors.Single(d => d.Name == "adwin");
        Assert.Equal(70, adwin.Observations);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ALongBacklogIsReadOverSeveralPasses(string backend)
    {
        using var temp = TempStore.Open(backend);
        temp.Store.LogPredictions("m", Enumerable.Range(0, 30).Select(i => Row(i, "1", i % 10 / 10.0)).ToArray());
        var oneRowBatches = new StreamOptions { BatchRows = 1 };
        Assert.Equal(20, Watch(temp, oneRowBatches).Read[StreamKind.Score]); // at most 20 batches per pass
        Assert.Equal(10, Watch(temp, oneRowBatches).Read[StreamKind.Score]);
        Assert.Equal(30, temp.Store.ReadStreamState("m", StreamKind.Score)!.Observations);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void RowsOfAnotherVersionAreSkippedAndANewChampionStartsAfresh(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogPredictions("m", [Row(0, "1", 0.1, 1), Row(1, "1", 0.2, 2), Row(2, "1", 0.3, null)]);
        var update = Watch(temp);
        Assert.Equal(2, update.Read[StreamKind.Score]); // v2's row is not v1's stream; an unversioned row counts as the champion's
        Assert.Equal(1, update.Skipped);

        store.LogPredictions("m", [Row(3, "1", 0.4, 2)]);
        Watch(temp, champion: 2);
        var state = store.ReadStreamState("m", StreamKind.Score)!;
        Assert.Equal((2, 1L), (state.ChampionVersion, state.Observations)); // restarted for v2 from the cursor on
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void RegressionErrorsAreAbsoluteAndSkipBinaryDetectors(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogPredictions("m", [Row(0, "2.5", null), Row(1, "10", null), Row(2, "oops", null)]);
        store.LogLabels("m", [new LabelRecord("r0", "1", null), new LabelRecord("r1", "12", null), new LabelRecord("r2", "3", null)]);
        var update = Watch(temp, task: AutoMLTask.Regression);
        Assert.Equal(2, update.Read[StreamKind.Error]); // "oops" is no number
        Assert.Equal(2, update.Read[StreamKind.Score]); // predicted values stand in for the missing scores
        var error = StreamWatch.Status(store, "m").Single(s => s.Stream == StreamKind.Error);
        Assert.Equal(["adwin"], error.Detectors.Select(d => d.Name)); // DDM reads bits only
        Assert.Equal((1.5 + 2) / 2, error.Detectors[0].Estimate, 12);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void AStepChangeIsStoredOnceWithTheRowThatSetItOff(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var bits = DetectorStreams.Bits(3, 1200, 0.1, 600, 0.6);
        store.LogPredictions("m", bits.Select((b, i) => Row(i, "yes")).ToArray());
        store.LogLabels("m", bits.Select((b, i) => new LabelRecord("r" + i, b == 1 ? "no" : "yes", null)).ToArray());
        var update = Watch(temp, new StreamOptions { ErrorDetectors = ["ddm"], ScoreDetectors = [] });

        var expected = new Vigil.Statistics.ChangeDetection.Ddm();
        var first = Enumerable.Range(0, bits.Length).First(i => { expected.Update(bits[i]); return expected.DriftDetected; });
        var change = update.Detections.First(d => d.Kind == StreamDetection.Change);
        Assert.Equal(("ddm", StreamKind.Error, first + 1L, "r" + first), (change.Detector, change.Stream, change.Observation, change.PredictionId));
        Assert.Equal(update.Detections.Select(d => d.Id), store.ReadStreamDetections("m").Reverse().Select(d => d.Id));
        Assert.Empty(Watch(temp, new StreamOptions { ErrorDetectors = ["ddm"], ScoreDetectors = [] }).Detections);
    }

    [Fact]
    public void UnknownDetectorsAndBadSettingsAreRefusedInOneLine()
    {
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => new StreamOptions { ErrorDetectors = ["nope"] }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new StreamOptions { ScoreDetectors = ["adwin", "adwin"] }.Validate()).Message, StringComparison.Ordinal);
        var e = Assert.Throws<ArgumentException>(() => new StreamOptions { Settings = new DetectorSettings { AdwinDelta = 2 } }.Validate());
        Assert.Contains("delta", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }
}
