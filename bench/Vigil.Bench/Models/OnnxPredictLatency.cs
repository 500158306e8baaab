using System.Diagnostics;
using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models.Onnx;

namespace Vigil.Bench.Models;

/// <summary>
/// Scoring through an ONNX model (the shared elec logistic regression, skl2onnx layout): one row per call as /predict
/// scores it, and 100,000 rows in one call beside a Vigil bundle of the same model class (a linear learner trained on
/// the same rows; no bundle of the identical model exists). Usage: onnx-predict [SHARED_DIR] [ROWS].
/// </summary>
internal static class OnnxPredictLatency
{
    public static int Run(string[] args)
    {
        var shared = args.Length > 0 ? args[0] : Path.Combine("..", "shared");
        var batchRows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var models = Path.Combine(shared, "models");
        var train = CsvTableReader.Read(Path.Combine(shared, "datasets", "elec", "train.csv"));
        var test = CsvTableReader.Read(Path.Combine(shared, "datasets", "elec", "test.csv"));
        var features = File.ReadAllLines(Path.Combine(models, "elec-logreg.features.txt")).Where(l => l.Length > 0).ToArray();
        using var onnx = OnnxModel.Bind(File.ReadAllBytes(Path.Combine(models, "elec-logreg.onnx")), "elec-logreg.onnx", train, features, "class", AutoMLTask.Auto);

        var single = Enumerable.Range(0, test.RowCount).Select(i => test.Slice(i, 1)).ToArray();
        for (var i = 0; i < 3000; i++)
        {
            onnx.Predict(single[i % single.Length]);
        }

        var times = new double[single.Length];
        var watch = new Stopwatch();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < single.Length; i++)
        {
            watch.Restart();
            onnx.Predict(single[i]);
            times[i] = watch.Elapsed.TotalMicroseconds;
        }

        // Managed bytes allocated per call (the table slice is made beforehand): what a /predict row costs the GC.
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)single.Length;
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"onnx elec-logreg, one row per call ({times.Length} calls after 3000 warm-up): p50 {times[times.Length / 2]:F1} µs, p99 {times[(int)(times.Length * 0.99)]:F1} µs, p99.9 {times[(int)(times.Length * 0.999)]:F1} µs, {perCall:F0} managed bytes allocated a call"));

        var batch = Table.Concat(Enumerable.Repeat(test, (batchRows / test.RowCount) + 1).ToArray());
        batch = batch.Slice(0, batchRows);
        var bundle = AutoMLEngine.Fit(train, new AutoMLOptions
        {
            Label = "class", Task = AutoMLTask.Binary, MaxTrials = 1, Learners = ["linear"], Blend = false, Threads = 1, TimeBudget = null,
        }).Model;
        onnx.Predict(batch.Slice(0, 1000));
        bundle.Predict(batch.Slice(0, 1000));
        var onnxMs = Best(() => onnx.Predict(batch));
        var bundleMs = Best(() => bundle.Predict(batch));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{batchRows} rows in one call (best of 3): onnx {onnxMs:F1} ms, vigil bundle ({bundle.Manifest.Learner}) {bundleMs:F1} ms, ratio {onnxMs / bundleMs:F2}"));
        return 0;
    }

    private static double Best(Action run)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        return best;
    }
}
