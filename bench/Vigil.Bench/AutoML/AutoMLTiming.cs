using System.Diagnostics;
using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Validation;
using Vigil.Data.Tables;

namespace Vigil.Bench.AutoML;

/// <summary>
/// Wall-clock behaviour of budgeted searches, measured here rather than asserted in unit tests (a loaded machine
/// moves these figures). Two cases: a small search whose whole fit, refit included, must end by budget × 1.1 + 2 s;
/// and 120 000 rows searched on 2 000-row samples, where a refit estimate scaled from the sample once ended the search
/// within the first second or two. Usage: automl-timing [--repeat N].
/// </summary>
internal static class AutoMLTiming
{
    public static int Run(string[] args)
    {
        var repeat = args.Length == 2 && args[0] == "--repeat" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        Console.WriteLine("| case | budget | wall clock | limit | trials | last trial started | refit on all rows |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        for (var i = 0; i < repeat; i++)
        {
            Report("400-row binary, default learners", TimeSpan.FromSeconds(2), Binary(400, seed: 7), new AutoMLOptions { Label = "y", TimeBudget = TimeSpan.FromSeconds(2), Threads = 1 });
            Report("120 000-row regression, lgbm, 2 000-row samples", TimeSpan.FromSeconds(6), TwoFeatures(120_000, seed: 21), new AutoMLOptions
            {
                Label = "y",
                TimeBudget = TimeSpan.FromSeconds(6),
                Seed = 1,
                Learners = ["lgbm"],
                Validation = ValidationMethod.Holdout,
                InitialSampleSize = 2_000,
                Threads = 1,
                Blend = false,
            });
        }

        return 0;
    }

    private static void Report(string name, TimeSpan budget, Table data, AutoMLOptions options)
    {
        var watch = Stopwatch.StartNew();
        var result = AutoMLEngine.Fit(data, options);
        watch.Stop();
        var lastStart = result.Trials.Max(t => t.StartedAt);
        var limit = (budget.TotalSeconds * 1.1) + 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {budget.TotalSeconds:F0} s | {watch.Elapsed.TotalSeconds:F2} s | {limit:F1} s | {result.Trials.Count} | {lastStart.TotalSeconds:F2} s ({lastStart / budget:P0}) | {(result.RefittedOnAllRows ? "yes" : "no")} |"));
    }

    // The shapes of the unit tests' data (tests/Vigil.AutoML.Tests/TestData.cs), so the figures describe those searches.
    private static Table Binary(int rows, int seed)
    {
        var random = new Random(seed);
        var x1 = new double[rows];
        var x2 = new double[rows];
        var color = new string?[rows];
        var labels = new string?[rows];
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = (random.NextDouble() * 4) - 2;
            x2[i] = random.NextDouble() < 0.2 ? double.NaN : random.NextDouble();
            color[i] = random.NextDouble() < 0.05 ? null : colors[random.Next(3)];
            var logit = (2 * x1[i]) + (color[i] == "red" ? 1.5 : 0) + ((random.NextDouble() - 0.5) * 1.5);
            labels[i] = logit > 0.3 ? "yes" : "no";
        }

        return new Table([new NumericColumn("x1", x1), new NumericColumn("x2", x2), CategoricalColumn.FromValues("color", color), CategoricalColumn.FromValues("y", labels)]);
    }

    private static Table TwoFeatures(int rows, int seed)
    {
        var random = new Random(seed);
        var x1 = new double[rows];
        var x2 = new double[rows];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = random.NextDouble();
            x2[i] = random.NextDouble();
            y[i] = Math.Sin(6 * x1[i]) + (x2[i] * x2[i]) + ((random.NextDouble() - 0.5) * 0.3);
        }

        return new Table([new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("y", y)]);
    }
}
