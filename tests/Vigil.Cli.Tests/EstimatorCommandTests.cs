using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil models estimator</c>: refit a version's estimator on labelled production rows, show it, reset it.</summary>
public sealed class EstimatorCommandTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    private static bool HasRefit(string workspace)
    {
        using var ws = VigilWorkspace.Open(workspace);
        return ws.Store.GetVersionEstimator("m", 1) is not null;
    }

    [Fact]
    public void RefitShowsAndResets_AndChecksUseTheRefit()
    {
        // The shared model's 40-row holdout was too small for an estimator: the version has none until refitted.
        var ws = trained.Copy();
        var (code, stdout, stderr) = CliRunner.Run("models", "estimator", "-m", "m", "-w", ws);
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("m version 1 has no performance estimator", stdout, StringComparison.Ordinal);

        var production = trained.Write("prod-" + Guid.NewGuid().ToString("N")[..6] + ".csv", CliData.Rows(300, seed: 41));
        (code, stdout, stderr) = CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--data", production, "--version", "1");
        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("Refitted the estimator of m version 1", stdout, StringComparison.Ordinal);
        Assert.Contains($"uses the estimator refitted on 300 labelled rows of {Path.GetFileName(production)} (CBPE", stdout, StringComparison.Ordinal);
        Assert.Contains("Baselines of its estimates", stdout, StringComparison.Ordinal);

        var json = trained.PathOf(Guid.NewGuid().ToString("N")[..8] + "-check.json");
        var window = trained.Write("window-" + Guid.NewGuid().ToString("N")[..6] + ".csv", string.Join('\n', CliData.Rows(200, seed: 42).Split('\n').Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')])));
        (code, stdout, stderr) = CliRunner.Run("check", "-m", "m", "-w", ws, "--data", window, "--json", json);
        Assert.True(code is 0 or 1, stdout + stderr);
        Assert.Contains("estimator refitted on production rows", stdout, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
        {
            var estimated = doc.RootElement.GetProperty("result").GetProperty("estimated_performance");
            Assert.Equal("cbpe", estimated.GetProperty("method").GetString());
            Assert.Equal("refitted", estimated.GetProperty("estimator_source").GetString());
        }

        var summary = trained.PathOf(Guid.NewGuid().ToString("N")[..8] + "-estimator.json");
        (code, stdout, stderr) = CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--show", "--json", summary);
        Assert.True(code == 0, stdout + stderr);
        using (var doc = JsonDocument.Parse(File.ReadAllText(summary)))
        {
            Assert.Equal("refitted", doc.RootElement.GetProperty("source").GetString());
            Assert.Equal(300, doc.RootElement.GetProperty("rows").GetInt32());
        }

        (code, stdout, _) = CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--reset");
        Assert.Equal(0, code);
        Assert.Contains("has no performance estimator", stdout, StringComparison.Ordinal);
        Assert.False(HasRefit(ws));
    }

    [Fact]
    public void RowsThatCannotServe_ExitTwoWithTheReason_AndStoreNothing()
    {
        var ws = trained.Copy();
        var few = trained.Write("few-" + Guid.NewGuid().ToString("N")[..6] + ".csv", CliData.Rows(40, seed: 43));
        var error = CliRunner.AssertOneLineError(CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--data", few));
        Assert.Contains("has 40 labelled rows of 40; fitting the estimator needs at least 50", error, StringComparison.Ordinal);

        var odd = trained.Write("odd-" + Guid.NewGuid().ToString("N")[..6] + ".csv", CliData.Rows(100, seed: 44).Replace(",1\n", ",7\n", StringComparison.Ordinal));
        error = CliRunner.AssertOneLineError(CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--data", odd));
        Assert.Contains("does not know", error, StringComparison.Ordinal);

        error = CliRunner.AssertOneLineError(CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--from-log", "--rows", "500"));
        Assert.Contains("has no labelled rows", error, StringComparison.Ordinal);

        var (code, _, stderr) = CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--data", few, "--reset");
        Assert.Equal(2, code);
        Assert.Contains("Give one of --data FILE, --from-log, --show or --reset.", stderr, StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--rows", "10");
        Assert.Equal(2, code);
        Assert.Contains("--rows goes with --from-log.", stderr, StringComparison.Ordinal);
        error = CliRunner.AssertOneLineError(CliRunner.Run("models", "estimator", "-m", "m", "-w", ws, "--version", "9"));
        Assert.Contains("9", error, StringComparison.Ordinal);
        Assert.False(HasRefit(ws));
    }
}
