using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil train</c> stores the estimator; <c>vigil check</c> of rows without labels prints and writes the estimate.</summary>
public sealed class EstimationCommandTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    [Fact]
    public void CheckWithoutLabels_ReportsEstimatedPerformance_InTheTableAndTheJson()
    {
        var ws = trained.PathOf("ws-" + Guid.NewGuid().ToString("N")[..8]);
        var bundle = trained.PathOf("bundle-" + Guid.NewGuid().ToString("N")[..8]);
        // 800 rows: a holdout of 160, enough for the estimator (the shared workspace's 40 are not).
        var train = trained.Write("train-800.csv", CliData.Rows(800, seed: 31));
        var (code, stdout, stderr) = CliRunner.Run("train", "--data", train, "--label", "y", "--max-trials", "3", "--time-budget", "0",
            "--model", "e", "--out", bundle, "-w", ws);
        Assert.True(code == 0, $"{stdout}\n{stderr}");
        Assert.True(File.Exists(Path.Combine(bundle, "estimator.json")), "the bundle written with --out carries the estimator");

        var rows = CliData.Rows(400, seed: 32).Split('\n').Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')]);
        var json = trained.PathOf(Guid.NewGuid().ToString("N")[..8] + "-estimate.json");
        (code, stdout, stderr) = CliRunner.Run("check", "-m", "e", "-w", ws, "--data", trained.Write("unlabelled.csv", string.Join('\n', rows)), "--json", json);
        Assert.True(code == 0, $"{stdout}\n{stderr}");
        Assert.Contains("Performance: no labels in this window.", stdout, StringComparison.Ordinal);
        Assert.Contains("Estimated performance (CBPE on 400 rows", stdout, StringComparison.Ordinal);
        Assert.Contains("EstimatedDegradation (reason", stdout, StringComparison.Ordinal);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var estimated = doc.RootElement.GetProperty("result").GetProperty("estimated_performance");
        Assert.Equal("cbpe", estimated.GetProperty("method").GetString());
        var accuracy = estimated.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "accuracy");
        foreach (var field in new[] { "value", "lower", "upper", "baseline", "degraded" })
        {
            Assert.True(accuracy.TryGetProperty(field, out _), $"accuracy lacks {field}");
        }

        Assert.Contains(doc.RootElement.GetProperty("decision").GetProperty("triggers").EnumerateArray(),
            t => t.GetProperty("trigger").GetString() == "estimated_degradation");
    }
}
