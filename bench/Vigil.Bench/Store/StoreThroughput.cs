using System.Diagnostics;
using System.Globalization;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Bench.Store;

/// <summary>
/// Prediction-log insert throughput: ROWS rows of 20 features (every fourth categorical) logged in batches of BATCH
/// into a fresh workspace (full durability, the default). Usage: store-throughput [ROWS] [BATCH] [--repeat N].
/// </summary>
internal static class StoreThroughput
{
    private const int Features = 20;

    public static int Run(string[] args)
    {
        var count = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var batch = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        var at = Array.IndexOf(args, "--repeat");
        var repeat = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 3;
        var rows = Rows(count);
        for (var r = 0; r < repeat; r++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "vigil-bench-store-" + Guid.NewGuid().ToString("N"));
            try
            {
                using var workspace = VigilWorkspace.Open(folder);
                workspace.Store.LogPredictions("warmup", rows[..Math.Min(100, count)]);
                var watch = Stopwatch.StartNew();
                for (var start = 0; start < count; start += batch)
                {
                    workspace.Store.LogPredictions("m", rows[start..Math.Min(count, start + batch)]);
                }

                watch.Stop();
                var stored = workspace.Store.CountPredictions("m");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{count} rows x {Features} features in batches of {batch}: {watch.Elapsed.TotalMilliseconds:F0} ms = {count / watch.Elapsed.TotalSeconds:F0} rows/s ({stored} stored)"));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static PredictionRecord[] Rows(int count)
    {
        var t0 = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var rows = new PredictionRecord[count];
        for (var i = 0; i < count; i++)
        {
            var features = new Dictionary<string, object?>(Features);
            for (var f = 0; f < Features; f++)
            {
                features["f" + f.ToString(CultureInfo.InvariantCulture)] = f % 4 == 0 ? (f % 8 == 0 ? "a" : "b") : (i * 0.001) + f;
            }

            rows[i] = new PredictionRecord("id" + i.ToString(CultureInfo.InvariantCulture), t0.AddSeconds(i), features, "yes", 0.7, 1);
        }

        return rows;
    }
}
