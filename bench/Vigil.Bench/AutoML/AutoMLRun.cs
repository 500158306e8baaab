using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Vigil.AutoML;
using Vigil.Data.Csv;

namespace Vigil.Bench.AutoML;

/// <summary>One benchmark run in this process: fit on train.csv with a budget and seed, score test.csv.</summary>
internal static class AutoMLRun
{
    public static int Run(string datasets, string name, int budget, int seed)
    {
        var dir = Path.Combine(datasets, name);
        using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "meta.json")));
        var label = meta.RootElement.GetProperty("label").GetString()!;
        var metricName = meta.RootElement.GetProperty("metric").GetString()!;
        var task = meta.RootElement.GetProperty("task").GetString() switch
        {
            "binary" => AutoMLTask.Binary,
            "multiclass" => AutoMLTask.Multiclass,
            _ => AutoMLTask.Regression,
        };
        var train = CsvTableReader.Read(Path.Combine(dir, "train.csv"));
        var test = CsvTableReader.Read(Path.Combine(dir, "test.csv"));
        var watch = Stopwatch.StartNew();
        var result = AutoMLEngine.Fit(train, new AutoMLOptions
        {
            Label = label,
            Task = task,
            TimeBudget = TimeSpan.FromSeconds(budget),
            Seed = seed,
            // VIGIL_LEARNERS=lgbm,xt,... overrides the default learners (for experiments).
            Learners = Environment.GetEnvironmentVariable("VIGIL_LEARNERS")?.Split(','),
            Threads = int.TryParse(Environment.GetEnvironmentVariable("VIGIL_THREADS"), out var threads) ? threads : null,
            // VIGIL_HOLDOUT=0.2 overrides the holdout fraction (for experiments).
            HoldoutFraction = double.TryParse(Environment.GetEnvironmentVariable("VIGIL_HOLDOUT"), CultureInfo.InvariantCulture, out var holdout) ? holdout : 0.1,
            // VIGIL_FOLDS=10 overrides the number of CV folds (for experiments).
            Folds = int.TryParse(Environment.GetEnvironmentVariable("VIGIL_FOLDS"), out var folds) ? folds : 5,
            // VIGIL_EARLY_STOPPING=1 turns on early stopping inside LightGBM trials (off by default).
            EarlyStopping = Environment.GetEnvironmentVariable("VIGIL_EARLY_STOPPING") == "1",
            // VIGIL_BLEND=0 turns the blend of the best models off (on by default).
            Blend = Environment.GetEnvironmentVariable("VIGIL_BLEND") != "0",
            // VIGIL_TRACE=1 prints every trial to stderr (where the time goes, what the search tries).
            Progress = Environment.GetEnvironmentVariable("VIGIL_TRACE") == "1"
                ? p => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Elapsed.TotalSeconds,6:F2}s {p.Trial.Learner,-8} {p.Trial.Duration.TotalSeconds,6:F3}s loss {p.Trial.Loss:F4} best {p.BestLoss:F4} n={p.Trial.SampleSize} {string.Join(" ", p.Trial.Config.Select(kv => $"{kv.Key}={kv.Value:G3}"))} {p.Trial.Error}"))
                : null,
        });
        var wall = watch.Elapsed.TotalSeconds;
        var metrics = result.Model.Evaluate(test);
        var line = new Dictionary<string, object>
        {
            ["dataset"] = name,
            ["budget"] = budget,
            ["seed"] = seed,
            ["metric"] = metricName,
            ["value"] = metrics[metricName],
            ["wall_s"] = Math.Round(wall, 2),
            ["peak_mb"] = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 0),
            ["best"] = result.BestLearner,
            ["trials"] = result.Trials.Count,
            ["validation"] = result.ValidationMethod.ToString(),
            ["refitted"] = result.RefittedOnAllRows,
            ["best_loss"] = result.BestLoss,
            ["final_loss"] = result.FinalValidationLoss,
            ["members"] = string.Join("+", result.Members.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Learner}:{m.Weight:F2}"))),
            ["per_learner"] = string.Join(" ", result.BestPerLearner.Select(s =>
                string.Create(CultureInfo.InvariantCulture, $"{s.Learner}:{s.Trials}:{s.BestLoss:F4}"))),
        };
        Console.WriteLine(JsonSerializer.Serialize(line));
        return 0;
    }
}
