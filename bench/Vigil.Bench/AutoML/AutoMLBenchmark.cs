using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Bench.AutoML;

/// <summary>
/// Vigil AutoML against FLAML's reference figures: every dataset × budget × seed runs in its own process
/// (so peak memory is per run), then a markdown table of medians is printed beside FLAML's. <c>--data DIR</c> and
/// <c>--reference FILE</c> point it at other datasets and another reference of the same shape (its <c>name</c>
/// heads the column), such as the scikit-learn floor that bench/automl/extra_datasets.py writes.
/// </summary>
internal static class AutoMLBenchmark
{
    public static int Run(string[] args)
    {
        var shared = Arg(args, "--shared") ?? FindShared();
        var budgets = (Arg(args, "--budgets") ?? "10,30").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var seeds = (Arg(args, "--seeds") ?? "1,2,3").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var output = Arg(args, "--out");
        var dataDir = Arg(args, "--data") ?? Path.Combine(shared, "datasets");
        var datasets = Arg(args, "--datasets")?.Split(',')
            ?? (Arg(args, "--data") is null
                ? ["elec", "bank", "breast_cancer", "digits", "diabetes"]
                : Directory.GetDirectories(dataDir).Where(d => File.Exists(Path.Combine(d, "meta.json"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray());
        var referencePath = Arg(args, "--reference") ?? Path.Combine(shared, "bench", "flaml-reference.json");
        if (!File.Exists(referencePath))
        {
            Console.Error.WriteLine($"reference scores not found: {referencePath} (pass --shared DIR or --reference FILE)");
            return 2;
        }

        using var reference = JsonDocument.Parse(File.ReadAllText(referencePath));
        var referenceName = reference.RootElement.TryGetProperty("name", out var n) ? n.GetString()! : "FLAML";

        var runs = new List<JsonElement>();
        foreach (var name in datasets)
        {
            foreach (var budget in budgets)
            {
                foreach (var seed in seeds)
                {
                    var run = RunChild(dataDir, name, budget, seed);
                    Console.Error.WriteLine(run.GetRawText());
                    runs.Add(run);
                }
            }
        }

        var table = Table(runs, reference.RootElement.GetProperty("datasets"), referenceName, datasets, budgets);
        Console.WriteLine(table);
        if (output is not null)
        {
            File.WriteAllText(output, table);
        }

        return 0;
    }

    private static string Table(List<JsonElement> runs, JsonElement flaml, string referenceName, string[] datasets, int[] budgets)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"| dataset | budget (s) | metric | Vigil median | {referenceName} median | Δ | goal met | Vigil wall (s, median) | {referenceName} wall (s, median) | Vigil peak MB (max) | Vigil best learners |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var deltas = new List<double>();
        foreach (var name in datasets)
        {
            foreach (var budget in budgets)
            {
                var mine = runs.Where(r => r.GetProperty("dataset").GetString() == name && r.GetProperty("budget").GetInt32() == budget && r.TryGetProperty("value", out _)).ToList();
                if (mine.Count == 0)
                {
                    continue;
                }

                var metric = mine[0].GetProperty("metric").GetString()!;
                var value = Median(mine.Select(r => r.GetProperty("value").GetDouble()));
                var wall = Median(mine.Select(r => r.GetProperty("wall_s").GetDouble()));
                var peak = mine.Max(r => r.GetProperty("peak_mb").GetDouble());
                var best = string.Join(",", mine.Select(r => r.GetProperty("best").GetString()));
                var refEntry = flaml.TryGetProperty(name, out var d) && d.TryGetProperty(budget.ToString(CultureInfo.InvariantCulture), out var b) ? b : (JsonElement?)null;
                var refValue = refEntry?.GetProperty("median").GetDouble() ?? double.NaN;
                var refWall = refEntry is { } e ? Median(e.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("wall_s").GetDouble())) : double.NaN;
                var lowerBetter = metric is "log_loss" or "rmse" or "mae";
                var delta = lowerBetter ? refValue - value : value - refValue;
                var met = lowerBetter ? value <= refValue * 1.02 : value >= refValue - 0.002;
                deltas.Add(lowerBetter ? delta / Math.Max(refValue, 1e-9) : delta);
                sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {budget} | {metric} | {value:F4} | {refValue:F4} | {delta:+0.0000;-0.0000} | {(met ? "yes" : "NO")} | {wall:F1} | {refWall:F1} | {peak:F0} | {best} |"));
            }
        }

        sb.AppendLine();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Δ is Vigil − {referenceName} for higher-is-better metrics and {referenceName} − Vigil for log loss (positive = Vigil better). Mean Δ (log loss as relative): {deltas.DefaultIfEmpty().Average():+0.0000;-0.0000}."));
        return sb.ToString();
    }

    private static JsonElement RunChild(string datasets, string name, int budget, int seed)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(typeof(AutoMLBenchmark).Assembly.Location);
        }

        foreach (var a in new[] { "automl-run", datasets, name, budget.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        var json = last ?? JsonSerializer.Serialize(new { dataset = name, budget, seed, error = "exit " + process.ExitCode });
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        return v.Length == 0 ? double.NaN : v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
    }

    private static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindShared()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Vigil.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.Parent?.FullName ?? ".", "shared");
    }
}
