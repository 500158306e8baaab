using System.Diagnostics;
using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Tables;

namespace Vigil.Bench.AutoML;

/// <summary>
/// Time to score through a model bundle: one row per call (the /predict path) and one large batch, for a LightGBM
/// model of a fixed size on 20 numeric features (the load benchmark's shape). Usage: bundle-predict [learner] [trees] [leaves].
/// </summary>
internal static class BundlePredictLatency
{
    public static int Run(string[] args)
    {
        var learner = args.Length > 0 ? args[0] : "lgbm";
        var trees = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var leaves = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 31;
        var train = Synthetic(5000, seed: 1);
        var config = new Dictionary<string, double>
        {
            ["n_estimators"] = trees, ["num_leaves"] = leaves, ["min_child_samples"] = 20, ["learning_rate"] = 0.1,
            ["colsample_bytree"] = 1, ["reg_alpha"] = 1.0 / 1024, ["reg_lambda"] = 1,
        };
        var result = AutoMLEngine.Fit(train, new AutoMLOptions
        {
            Label = "y", Task = AutoMLTask.Binary, MaxTrials = 1, Learners = [learner], Blend = false, Threads = 1,
            StartingPoints = learner is "lgbm" or "xt" ? [new StartingPoint(learner, config)] : null,
        });
        var bundle = result.Model;
        var rows = Synthetic(20_000, seed: 2).WithoutColumns("y");
        var single = Enumerable.Range(0, rows.RowCount).Select(i => rows.Take([i])).ToArray();

        // Warm-up: JIT tiering and the cached prediction engine.
        for (var i = 0; i < 2000; i++)
        {
            bundle.Predict(single[i]);
        }

        var times = new double[single.Length];
        var watch = new Stopwatch();
        for (var i = 0; i < single.Length; i++)
        {
            watch.Restart();
            bundle.Predict(single[i]);
            times[i] = watch.Elapsed.TotalMicroseconds;
        }

        Array.Sort(times);
        var batch = Stopwatch.StartNew();
        bundle.Predict(rows);
        var batchMs = batch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{bundle.Manifest.Learner} ({bundle.Manifest.Members[0].Format}, {trees} trees × {leaves} leaves): one row p50 {times[times.Length / 2]:F1} µs, p99 {times[(int)(times.Length * 0.99)]:F1} µs, mean {times.Average():F1} µs; {rows.RowCount} rows in one call {batchMs:F1} ms"));
        return 0;
    }

    private static Table Synthetic(int rows, int seed)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        var x = new double[20][];
        for (var f = 0; f < 20; f++)
        {
            x[f] = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                x[f][i] = random.NextDouble() * 10;
            }

            columns.Add(new NumericColumn("x" + f, x[f]));
        }

        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            y[i] = x[0][i] + x[1][i] - x[2][i] + (random.NextDouble() * 6) > 8 ? 1 : 0;
        }

        columns.Add(new NumericColumn("y", y));
        return new Table(columns);
    }
}
