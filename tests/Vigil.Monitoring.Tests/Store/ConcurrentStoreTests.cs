using System.Globalization;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Streams;

namespace Vigil.Monitoring.Tests.Store;

/// <summary>
/// Several store instances (processes, or nodes of a cluster) writing one database at once: every row stored once
/// whichever writer won, labels joined whichever side arrived first, a stream cursor that misses and repeats
/// nothing, and one alert per change of state.
/// </summary>
public sealed class ConcurrentStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static PredictionRecord Row(int i) => new(
        "r" + i.ToString(CultureInfo.InvariantCulture), T0.AddSeconds(i), new Dictionary<string, object?> { ["x"] = i }, "yes", 0.5, 1);

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task WritersOfOverlappingIdsStoreEachRowOnceAndEveryLabelJoins(string backend)
    {
        using var temp = TempStore.Open(backend);
        const int rows = 1200, writers = 4;
        var stores = Enumerable.Range(0, writers).Select(_ => temp.OpenAnother()).ToArray();

        // Each writer logs every id in its own order and batch size, so every id races; a fifth logs the labels
        // meanwhile, each before or after its prediction, whichever it happens to be.
        var writes = stores.Select((store, w) => Task.Run(() =>
        {
            var order = Enumerable.Range(0, rows).OrderBy(i => (i * (w + 3) * 7919) % rows).ToArray();
            var results = new List<IngestResult>();
            foreach (var chunk in order.Chunk(50 + (w * 37)))
            {
                results.Add(store.LogPredictions("m", chunk.Select(Row).ToArray()));
            }

            return results;
        })).ToArray();
        var labels = Task.Run(() =>
        {
            var labeller = temp.OpenAnother();
            var results = new List<LabelResult>();
            foreach (var chunk in Enumerable.Range(0, rows).Where(i => i % 3 == 0).Chunk(40))
            {
                results.Add(labeller.LogLabels("m", chunk.Select(i => new LabelRecord(Row(i).Id, "no", null)).ToArray()));
            }

            return results;
        });

        var ingested = (await Task.WhenAll(writes)).SelectMany(r => r).ToArray();
        var labelled = await labels;
        Assert.Equal(rows, ingested.Sum(r => r.Inserted));
        Assert.Equal(rows * (writers - 1), ingested.Sum(r => r.Duplicates));
        Assert.Equal(rows / 3, labelled.Sum(r => r.Joined) + ingested.Sum(r => r.LateLabelsJoined));
        Assert.Equal(0, labelled.Sum(r => r.Duplicates));
        Assert.Equal(0, temp.Store.CountPendingLabels("m"));
        Assert.Equal(rows, temp.Store.CountPredictions("m"));
        Assert.Equal(rows / 3, temp.Store.CountPredictions("m", labelledOnly: true));
        Assert.Equal(rows / 3, temp.Store.ReadStreamRows("m", StreamKind.Error, 0, rows).Select(r => r.Id).Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task AStreamCursorReadingBesideWritersSeesEveryRowOnce(string backend)
    {
        // The score stream reads "rows after my position, in position order". If a writer could commit a row below a
        // position a reader already passed, that row would never be read: positions must follow commit order.
        using var temp = TempStore.Open(backend);
        const int batches = 60, perBatch = 25;
        var writers = Enumerable.Range(0, 3).Select(w => Task.Run(() =>
        {
            var store = temp.OpenAnother();
            for (var b = w; b < batches; b += 3)
            {
                store.LogPredictions("m", Enumerable.Range(b * perBatch, perBatch).Select(Row).ToArray());
            }
        })).ToArray();

        var reader = temp.OpenAnother();
        var seen = new List<string>();
        long position = 0;
        void ReadOn()
        {
            foreach (var row in reader.ReadStreamRows("m", StreamKind.Score, position, 40))
            {
                Assert.True(row.Position > position);
                position = row.Position;
                seen.Add(row.Id);
            }
        }

        while (!writers.All(w => w.IsCompleted))
        {
            ReadOn();
        }

        await Task.WhenAll(writers);
        for (var before = -1; before != seen.Count;)
        {
            before = seen.Count;
            ReadOn();
        }

        Assert.Equal(batches * perBatch, seen.Count);
        Assert.Equal(batches * perBatch, seen.Distinct().Count());
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public async Task InstancesChangingOneStateAtOnceSendOneAlertPerChange(string backend)
    {
        using var temp = TempStore.Open(backend);
        var stores = Enumerable.Range(0, 4).Select(_ => temp.OpenAnother()).ToArray();
        string[] states = ["alarm", "healthy", "alarm", "warning", "healthy"];
        foreach (var state in states)
        {
            // Every instance sees the same new state at the same moment; only one may alert.
            var ids = await Task.WhenAll(stores.Select(s => Task.Run(() => s.ChangeAlertState("m", "status", state, state != "healthy", "healthy",
                previous => new AlertDraft
                {
                    Model = "m", Kind = AlertKind.Alarm, Severity = AlertSeverity.Alarm, Subject = "status", State = state,
                    PreviousState = previous, Title = previous + " -> " + state, Text = "t",
                }))));
            Assert.Single(ids, id => id is not null);
        }

        Assert.Equal(["healthy -> alarm", "alarm -> healthy", "healthy -> alarm", "alarm -> warning", "warning -> healthy"],
            temp.Store.ListAlerts("m").Reverse().Select(a => a.Title));
    }
}
