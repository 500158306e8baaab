using System.Diagnostics;
using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Multivariate;
using Vigil.Monitoring.Profiles;

namespace Vigil.Bench;

/// <summary>
/// Wall clock of multivariate drift on a window: the domain classifier and the PCA reconstruction error on a
/// 10,000-row window of 20 features (16 numeric with correlated pairs, 4 categorical) against a profile of 50,000
/// training rows (5,000 kept as whole rows), and the whole check with and without them. Medians of several runs after
/// one warm-up; the preparation (encoding, PCA fit, thresholds) is timed once, as it happens once per model version.
/// </summary>
internal static class MultivariateTiming
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var repeat = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var training = Generate(50_000, seed: 1, correlation: 0.7);
        var window = Generate(rows, seed: 2, correlation: 0.7);
        var profile = ReferenceProfile.Build(training);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"window {rows:N0} rows × {window.Columns.Count} features; reference rows kept {profile.RowSample!.Rows:N0}; {Environment.ProcessorCount} cores; {repeat} runs after a warm-up"));

        var watch = Stopwatch.StartNew();
        var check = new MultivariateCheck(profile);
        var first = check.Run(window);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first run (prepares the reference: encoding, PCA, thresholds): {watch.Elapsed.TotalMilliseconds:F0} ms"));
        Console.WriteLine("  " + first.Reason);

        var both = Median(repeat, () => check.Run(window));
        var fresh = Median(repeat, () => new MultivariateCheck(profile).Run(window));
        var monitorWith = new WindowMonitor("bench", "1", profile);
        var monitorWithout = new WindowMonitor("bench", "1", profile, new MonitoringOptions { Multivariate = new MultivariateOptions { Enabled = false } });
        var start = DateTimeOffset.UnixEpoch;
        var input = new MonitoringWindow { Start = start, End = start.AddDays(1), Rows = window };
        monitorWith.Check(input);
        monitorWithout.Check(input);
        var checkWith = Median(repeat, () => monitorWith.Check(input));
        var checkWithout = Median(repeat, () => monitorWithout.Check(input));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  domain classifier + PCA (prepared reference): median {both.Wall:F0} ms wall, {both.Cpu:F0} ms CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the same with a fresh check each time (preparation included): median {fresh.Wall:F0} ms wall, {fresh.Cpu:F0} ms CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  whole check (columns, quality, multivariate): median {checkWith.Wall:F0} ms wall, {checkWith.Cpu:F0} ms CPU; without multivariate: {checkWithout.Wall:F0} ms wall, {checkWithout.Cpu:F0} ms CPU"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load average while measuring: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return 0;
    }

    /// <summary>Median wall clock and median processor time (all threads) of <paramref name="repeat"/> runs, in ms.</summary>
    internal static (double Wall, double Cpu) Median(int repeat, Action run)
    {
        var wall = new double[repeat];
        var cpu = new double[repeat];
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repeat; i++)
        {
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            run();
            wall[i] = watch.Elapsed.TotalMilliseconds;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuStart).TotalMilliseconds;
        }

        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall[repeat / 2], cpu[repeat / 2]);
    }

    // 16 numeric features in pairs (b = ρ·a + noise) and 4 categorical ones of 3 to 12 categories.
    internal static Table Generate(int rows, int seed, double correlation)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var columns = new List<Column>();
        for (var pair = 0; pair < 8; pair++)
        {
            var a = new double[rows];
            var b = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                a[i] = Normal();
                b[i] = (correlation * a[i]) + (Math.Sqrt(1 - (correlation * correlation)) * Normal());
            }

            columns.Add(new NumericColumn($"x{2 * pair}", a));
            columns.Add(new NumericColumn($"x{(2 * pair) + 1}", b));
        }

        for (var c = 0; c < 4; c++)
        {
            var categories = 3 + (3 * c);
            columns.Add(CategoricalColumn.FromValues($"c{c}", Enumerable.Range(0, rows).Select(_ => (string?)$"k{random.Next(categories)}").ToArray()));
        }

        return new Table(columns);
    }
}
