using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;
using Vigil.Store.Postgres;

namespace Vigil.LoadGen;

/// <summary>
/// The store alone, no HTTP: batches of rows written with <see cref="IMonitoringStore.LogEncodedPredictionBatches"/>
/// (<c>--group</c> batches of <c>--batch</c> rows per call, one transaction each) for <c>--seconds</c> or until
/// <c>--rows</c> rows are stored. Separates the store's cost from the server's parsing and networking.
/// <c>--store</c> is <c>sqlite:&lt;folder&gt;</c> (or a folder; <c>--workspace</c> is the older name) or a
/// PostgreSQL connection string. With <c>--rate N</c> the calls are made N times a second (open loop, as /predict
/// logs its rows) and each call's latency is reported: the store's own share of /predict's tail.
/// </summary>
public static class StoreLoad
{
    public static int Run(Options options)
    {
        var batch = options.Int("batch", 1000);
        var group = options.Int("group", 1);
        var seconds = options.Int("seconds", 10);
        var maxRows = options.Int("rows", int.MaxValue);
        var location = WorkspaceLocation.Parse(options.Text("store", options.Text("workspace", "bench-store-ws")), "--store");
        var (store, owner) = Open(location);
        using var _ = owner;
        var factory = new BodyFactory(2000);
        var watch = Stopwatch.StartNew();
        long rows = 0;
        var storeTime = TimeSpan.Zero;
        var empty = new Dictionary<string, object?>();
        var rate = options.Int("rate", 0);
        // --checkpoint-ms N (SQLite): checkpoint from a background thread every N ms, as vigil serve does
        // (Vigil:CheckpointInterval); 0 leaves it to the commits, SQLite's default.
        using var checkpoints = Checkpoints(owner as VigilWorkspace, options.Int("checkpoint-ms", 0));
        var latencies = new List<double>();
        while (watch.Elapsed.TotalSeconds < seconds && rows < maxRows)
        {
            var due = rate > 0 ? latencies.Count / (double)rate : 0;
            var batches = new List<(IReadOnlyList<PredictionRecord>, IReadOnlyList<string>)>(group);
            for (var b = 0; b < group; b++)
            {
                using var doc = JsonDocument.Parse(factory.Batch(batch));
                var records = new List<PredictionRecord>(batch);
                var features = new List<string>(batch);
                foreach (var row in doc.RootElement.EnumerateArray())
                {
                    records.Add(new PredictionRecord(row.GetProperty("id").GetString()!, DateTimeOffset.UtcNow, empty, "1", 0.5, 1));
                    features.Add(row.GetProperty("features").GetRawText());
                }

                batches.Add((records, features));
            }

            if (rate > 0)
            {
                SendClock.WaitUntil(watch, due);
            }

            var start = watch.Elapsed;
            rows += store.LogEncodedPredictionBatches("load", batches).Sum(r => r.Inserted);
            storeTime += watch.Elapsed - start;
            latencies.Add((watch.Elapsed.TotalSeconds - due) * 1000);
        }

        if (rate > 0)
        {
            // From the due time, as the load generator's /predict: a call that waited for a slow one before it counts.
            var sorted = latencies.Skip(latencies.Count / 10).Order().ToArray();
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"store calls at {rate}/s ({sorted.Length:N0} after the first tenth): p50 {P(0.5):F2} ms, p90 {P(0.9):F2} ms, p99 {P(0.99):F2} ms, p99.9 {P(0.999):F2} ms, max {sorted[^1]:F2} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store ({location.Backend}): {rows:N0} rows; {rows / storeTime.TotalSeconds:N0} rows/s inside LogEncodedPredictionBatches " +
            $"({group} × {batch} rows per call; {storeTime.TotalSeconds:F1} s of {watch.Elapsed.TotalSeconds:F1} s)"));
        return 0;
    }

    private static IDisposable Checkpoints(VigilWorkspace? workspace, int milliseconds)
    {
        var stop = new ManualResetEventSlim();
        Thread? thread = null;
        if (workspace is not null && milliseconds > 0 && workspace.HandOverCheckpoints(4000))
        {
            thread = new Thread(() =>
            {
                while (!stop.Wait(milliseconds))
                {
                    workspace.Checkpoint();
                }
            }) { IsBackground = true };
            thread.Start();
        }

        return new Stopper(() =>
        {
            stop.Set();
            thread?.Join();
            stop.Dispose();
        });
    }

    private sealed class Stopper(Action stop) : IDisposable
    {
        public void Dispose() => stop();
    }

    private static (IMonitoringStore Store, IDisposable Owner) Open(WorkspaceLocation location)
    {
        if (location.Backend == WorkspaceBackend.Postgres)
        {
            var database = PostgresDatabase.Open(location.ConnectionString!);
            return (new PostgresMonitoringStore(database), database);
        }

        var workspace = VigilWorkspace.Open(location.Folder!);
        return (workspace.Store, workspace);
    }
}
