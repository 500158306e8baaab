using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.LoadGen;

/// <summary>
/// The store alone, no HTTP: batches of rows written with <see cref="IMonitoringStore.LogEncodedPredictions"/> for
/// <c>--seconds</c>. Separates the SQLite cost from the server's parsing and networking.
/// </summary>
public static class StoreLoad
{
    public static int Run(Options options)
    {
        var batch = options.Int("batch", 1000);
        var seconds = options.Int("seconds", 10);
        using var workspace = VigilWorkspace.Open(options.Text("workspace", "bench-store-ws"));
        var factory = new BodyFactory(2000);
        var watch = Stopwatch.StartNew();
        long rows = 0;
        var storeTime = TimeSpan.Zero;
        var empty = new Dictionary<string, object?>();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            using var doc = JsonDocument.Parse(factory.Batch(batch));
            var records = new List<PredictionRecord>(batch);
            var features = new List<string>(batch);
            foreach (var row in doc.RootElement.EnumerateArray())
            {
                records.Add(new PredictionRecord(row.GetProperty("id").GetString()!, DateTimeOffset.UtcNow, empty, "1", 0.5, 1));
                features.Add(row.GetProperty("features").GetRawText());
            }

            var start = watch.Elapsed;
            rows += workspace.Store.LogEncodedPredictions("load", records, features).Inserted;
            storeTime += watch.Elapsed - start;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store: {rows:N0} rows; {rows / storeTime.TotalSeconds:N0} rows/s inside LogEncodedPredictions ({storeTime.TotalSeconds:F1} s of {watch.Elapsed.TotalSeconds:F1} s)"));
        return 0;
    }
}
