using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Tests;

/// <summary>Watched metrics on the command line: <c>models watch</c>, <c>check --watch</c> and the check JSON's new fields.</summary>
public sealed class WatchCommandsTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    private static int Checks(string workspace)
    {
        using var ws = VigilWorkspace.Open(workspace);
        return ws.Store.ListChecks("m").Count;
    }

    [Fact]
    public void ModelsWatchShowsSetsAndResets()
    {
        var ws = trained.Copy();
        var (code, stdout, stderr) = CliRunner.Run("models", "watch", "-m", "m", "-w", ws);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("watches 4 metric(s), the task's default", stdout, StringComparison.Ordinal);
        Assert.Contains("98.75%", stdout, StringComparison.Ordinal);

        (code, stdout, stderr) = CliRunner.Run("models", "watch", "-m", "m", "-w", ws, "--set", "recall:10%,accuracy");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("set for this model", stdout, StringComparison.Ordinal);
        using (var workspace = VigilWorkspace.Open(ws))
        {
            Assert.Equal("recall:0.1,accuracy", workspace.Store.GetWatchedMetrics("m")!.Metrics.ToString());
        }

        (code, stdout, _) = CliRunner.Run("models", "watch", "-m", "m", "-w", ws, "--reset");
        Assert.Equal(0, code);
        Assert.Contains("the task's default", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rmse", "'rmse' is not a metric Vigil tracks for binary models")]
    [InlineData("recall:2", "[0, 1)")]
    [InlineData("recal", "'recal' is not a metric Vigil watches")]
    public void ABadListIsAOneLineErrorAndStoresNothing(string spec, string expected)
    {
        var ws = trained.Copy();
        var error = CliRunner.AssertOneLineError(CliRunner.Run("models", "watch", "-m", "m", "-w", ws, "--set", spec));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        error = CliRunner.AssertOneLineError(CliRunner.Run("check", "-m", "m", "-w", ws, "--data", trained.TrainCsv, "--watch", spec));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(0, Checks(ws));
        using var workspace = VigilWorkspace.Open(ws);
        Assert.Null(workspace.Store.GetWatchedMetrics("m"));
    }

    [Fact]
    public void CheckWithWatchStoresItAndTheJsonSaysWhatWasWatchedAndWhatDecided()
    {
        var ws = trained.Copy();
        var json = trained.PathOf(Guid.NewGuid().ToString("N")[..8] + "-watch.json");
        var (code, stdout, stderr) = CliRunner.Run("check", "-m", "m", "-w", ws, "--data", trained.Write("calm-w.csv", CliData.Rows(150, seed: 31)),
            "--watch", "accuracy:0.05,recall:0.10", "--json", json);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("Watched metrics of m set to accuracy:0.05,recall:0.1", stdout, StringComparison.Ordinal);
        Assert.Contains("Watched: accuracy, recall", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var performance = doc.RootElement.GetProperty("result").GetProperty("performance");
        Assert.Equal(["accuracy", "recall"], performance.GetProperty("watched").EnumerateArray().Select(e => e.GetString()));
        Assert.True(performance.GetProperty("decided_by").GetArrayLength() > 0);
        Assert.Equal(1 - (0.05 / 2), performance.GetProperty("interval_level").GetDouble(), 12);
        Assert.Equal("bonferroni", performance.GetProperty("correction").GetString());
        // The fields that were there before are all still there.
        foreach (var field in new[] { "task", "rows", "primary_metric", "deciding_metric", "metrics", "degraded", "level", "resamples", "notes" })
        {
            Assert.True(performance.TryGetProperty(field, out _), $"performance lacks {field}");
        }

        var recall = performance.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "recall");
        Assert.True(recall.GetProperty("watched").GetBoolean());
        Assert.Equal(0.10, recall.GetProperty("max_relative_drop").GetDouble(), 12);
        Assert.Equal("bootstrap", recall.GetProperty("method").GetString()); // 150 rows: below the analytic threshold

        // Stored: the next check uses it without --watch.
        (code, stdout, _) = CliRunner.Run("check", "-m", "m", "-w", ws, "--data", trained.Write("calm-w2.csv", CliData.Rows(150, seed: 32)));
        Assert.Equal(0, code);
        Assert.Contains("Watched: accuracy, recall", stdout, StringComparison.Ordinal);
    }
}
