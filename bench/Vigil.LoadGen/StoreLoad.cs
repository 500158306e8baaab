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
/// PostgreSQL connection string.
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
        while (watch.Elapsed.TotalSeconds < seconds && rows < maxRows)
        {
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

            var start = watch.Elapsed;
            rows += store.LogEncodedPredictionBatches("load", batches).Sum(r => r.Inserted);
            storeTime += watch.Elapsed - start;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store ({location.Backend}): {rows:N0} rows; {rows / storeTime.TotalSeconds:N0} rows/s inside LogEncodedPredictionBatches " +
            $"({group} × {batch} rows per call; {storeTime.TotalSeconds:F1} s of {watch.Elapsed.TotalSeconds:F1} s)"));
        return 0;
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
