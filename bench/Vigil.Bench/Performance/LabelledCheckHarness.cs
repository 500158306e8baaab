using System.Diagnostics;
using System.Globalization;
using Vigil.AutoML;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;

namespace Vigil.Bench.Performance;

/// <summary>
/// <c>labelled-check [ROWS] [--features F] [--bootstrap-rows N] [--repeat R]</c>: what labels add to a check (#17).
/// A window of ROWS rows × F numeric features with a calibrated binary model's predictions is checked by
/// <see cref="WindowMonitor"/> without labels (drift + quality + prediction drift) and with them (+ performance of six
/// metrics, four watched); then <see cref="PerformanceCheck"/> alone, analytic at ROWS rows, and the bootstrap path
/// (what every labelled check paid before) against the analytic one at N rows. Best of R runs after a warm-up.
/// </summary>
internal static class LabelledCheckHarness
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var features = Option(args, "--features", 20);
        var bootstrapRows = Option(args, "--bootstrap-rows", 20_000);
        var repeat = Option(args, "--repeat", 3);

        var reference = Features(200_000, features, seed: 1, shift: 0);
        var holdout = Predictions(50_000, seed: 2);
        var profile = ReferenceProfile.Build(reference) with { Baseline = Baseline.FromHoldout(holdout) };
        var window = Features(rows, features, seed: 3, shift: 0.02);
        var outcomes = Predictions(rows, seed: 4);
        var scores = outcomes.Scores()!;
        var monitor = new WindowMonitor("bench", "1", profile);

        // Warm-up (JIT) on a small slice.
        var small = Predictions(2_000, seed: 5);
        monitor.Check(Window(window.Slice(0, 2_000), small, small.Scores()!));
        PerformanceCheck.Run(profile.Baseline!, small);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"window {rows:N0} rows × {features} features, reference 200,000 rows; best of {repeat}"));
        var unlabelled = Best(repeat, () => monitor.Check(Window(window, null, scores)));
        var labelled = Best(repeat, () => monitor.Check(Window(window, outcomes, scores)));
        Report("WindowMonitor.Check without labels", unlabelled);
        Report("WindowMonitor.Check with labels", labelled);
        Report(string.Create(CultureInfo.InvariantCulture, $"PerformanceCheck.Run, {rows:N0} rows (analytic)"), Best(repeat, () => PerformanceCheck.Run(profile.Baseline!, outcomes)));

        var part = Predictions(bootstrapRows, seed: 6);
        Report(string.Create(CultureInfo.InvariantCulture, $"PerformanceCheck.Run, {bootstrapRows:N0} rows, analytic"),
            Best(repeat, () => PerformanceCheck.Run(profile.Baseline!, part, new PerformanceOptions { Intervals = IntervalChoice.Analytic })));
        Report(string.Create(CultureInfo.InvariantCulture, $"PerformanceCheck.Run, {bootstrapRows:N0} rows, bootstrap 1000 (before #17)"),
            Best(1, () => PerformanceCheck.Run(profile.Baseline!, part, new PerformanceOptions { Intervals = IntervalChoice.Bootstrap })));
        return 0;
    }

    private static MonitoringWindow Window(Table rows, PredictionSet? outcomes, double[] scores) => new()
    {
        Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch.AddDays(1), Rows = rows, Outcomes = outcomes, Scores = scores,
    };

    private static double Best(int repeat, Action run)
    {
        var best = double.PositiveInfinity;
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return best;
    }

    private static void Report(string what, double seconds) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-62} {seconds,8:F3} s"));

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static Table Features(int rows, int count, int seed, double shift)
    {
        var random = new Random(seed);
        var columns = new Column[count];
        for (var j = 0; j < count; j++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = Normal(random) + shift;
            }

            columns[j] = new NumericColumn(string.Create(CultureInfo.InvariantCulture, $"f{j}"), values);
        }

        return new Table(columns);
    }

    // A calibrated scorer of two unit normals 1.4 apart, 35 % positives.
    private static PredictionSet Predictions(int rows, int seed)
    {
        var random = new Random(seed);
        var prior = Math.Log(0.35 / 0.65);
        var y = new int[rows];
        var predicted = new int[rows];
        var probability = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            y[i] = random.NextDouble() < 0.35 ? 1 : 0;
            var z = Normal(random) + (1.4 * y[i]);
            probability[i] = 1 / (1 + Math.Exp(-(prior + (1.4 * (z - 0.7)))));
            predicted[i] = probability[i] >= 0.5 ? 1 : 0;
        }

        return PredictionSet.Binary(y, predicted, probability);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
