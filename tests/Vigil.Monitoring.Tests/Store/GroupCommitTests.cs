using System.Globalization;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>
/// The server's ingestion path on every backend: rows whose features arrive encoded, several batches in one
/// transaction, duplicates counted per batch with the first row kept, and an invalid batch storing nothing of any.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static (IReadOnlyList<PredictionRecord> Rows, IReadOnlyList<string> FeaturesJson) Batch(params (string Id, string Prediction)[] rows) =>
        (rows.Select((r, i) => new PredictionRecord(r.Id, T0.AddSeconds(i), null!, r.Prediction, 0.25 * i, 3)).ToArray(),
         rows.Select((r, i) => string.Create(CultureInfo.InvariantCulture, $"{{\"n\":{i},\"city\":\"Zürich\"}}")).ToArray());

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void BatchesCountTheirOwnDuplicatesAndTheFirstRowOfAnIdStays(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        Assert.Equal(new IngestResult(1, 0, 0), store.LogEncodedPredictions("m", [.. Batch(("old", "first")).Rows], Batch(("old", "first")).FeaturesJson));
        store.LogLabels("m", [new LabelRecord("b", "yes", null)]); // waits for b

        var results = store.LogEncodedPredictionBatches("m",
        [
            Batch(("a", "a1"), ("b", "b1"), ("a", "a2")),      // a repeats within the batch
            Batch(),                                           // an empty batch has an empty result
            Batch(("b", "b2"), ("c", "c1"), ("old", "again")), // b repeats an earlier batch, old a stored row
        ]);

        Assert.Equal([new IngestResult(2, 1, 1), new IngestResult(0, 0, 0), new IngestResult(1, 2, 0)], results);
        var rows = store.ReadWindow("m", WindowSpec.All).ToDictionary(r => r.Id);
        Assert.Equal(["a", "b", "c", "old"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("first", "a1", "b1", "c1"), (rows["old"].Prediction, rows["a"].Prediction, rows["b"].Prediction, rows["c"].Prediction));
        Assert.Equal("yes", rows["b"].Label);
        Assert.Equal("Zürich", rows["c"].Features["city"]);
        Assert.Equal((0.25, 3), (rows["c"].Score!.Value, rows["c"].ModelVersion!.Value));
        Assert.Equal(0, store.CountPendingLabels("m"));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void AFailingLabelJoinStoresNoneOfTheRowsItCameWith(string backend)
    {
        // The rows and the joins of the labels that waited for them are one transaction: when recording a join fails
        // (here a damaged label_joins table), the rows inserted before it in the same write are not stored either.
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogLabels("m", [new LabelRecord("b", "yes", null)]);
        temp.Execute(backend == StoreBackends.Postgres
            ? "ALTER TABLE label_joins ADD CONSTRAINT damaged CHECK (prediction_seq < 0)"
            : "CREATE TRIGGER damaged BEFORE INSERT ON label_joins BEGIN SELECT RAISE(ABORT, 'damaged'); END");

        Assert.ThrowsAny<Exception>(() => store.LogEncodedPredictionBatches("m", [Batch(("a", "1"), ("b", "1"))]));

        Assert.Equal(0, store.CountPredictions("m"));
        Assert.Equal(1, store.CountPendingLabels("m"));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void AnInvalidRowInALaterBatchStoresNothingOfAnyBatch(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogLabels("m", [new LabelRecord("a", "yes", null)]);
        var good = Batch(("a", "1"), ("b", "1"));
        var noPrediction = Batch(("c", "1"), ("d", "1"));
        var rows = noPrediction.Rows.ToArray();
        rows[1] = rows[1] with { Prediction = null! };

        var error = Assert.Throws<WorkspaceInputException>(() => store.LogEncodedPredictionBatches("m", [good, (rows, noPrediction.FeaturesJson)]));
        Assert.Contains("'d'", error.Message, StringComparison.Ordinal);
        var noId = Batch(("e", "1"), ("", "1"));
        Assert.Throws<WorkspaceInputException>(() => store.LogEncodedPredictionBatches("m", [good, noId]));
        var noFeatures = (good.Rows, (IReadOnlyList<string>)[good.FeaturesJson[0], null!]);
        Assert.Throws<WorkspaceInputException>(() => store.LogEncodedPredictionBatches("m", [noFeatures]));

        Assert.Equal(0, store.CountPredictions("m"));
        Assert.Equal(1, store.CountPendingLabels("m")); // the label still waits: its prediction was never stored
        Assert.Equal([new IngestResult(2, 0, 1)], store.LogEncodedPredictionBatches("m", [good]));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void AShapeMismatchIsRefusedBeforeAnythingIsStored(string backend)
    {
        using var temp = TempStore.Open(backend);
        var good = Batch(("a", "1"));
        Assert.Throws<ArgumentException>(() => temp.Store.LogEncodedPredictionBatches("m", [good, (good.Rows, [])]));
        Assert.Throws<WorkspaceInputException>(() => temp.Store.LogEncodedPredictionBatches("../m", [good]));
        Assert.Equal(0, temp.Store.CountPredictions("m"));
    }
}
