using System.Text.Json;
using Vigil.Cli.Tests.Support;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil check</c>, <c>retrain</c>, <c>models</c> and <c>report</c> against a trained workspace.</summary>
public sealed class MonitoringCommandsTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    private string Unique(string name) => trained.PathOf(Guid.NewGuid().ToString("N")[..8] + "-" + name);

    private static int Checks(string workspace)
    {
        using var ws = VigilWorkspace.Open(workspace);
        return ws.Store.ListChecks("m").Count;
    }

    [Fact]
    public void CheckOnTrainingLikeRowsExitsZeroAndRecordsIt()
    {
        var ws = trained.Copy();
        var json = Unique("check.json");
        var (code, stdout, stderr) = CliRunner.Run("check", "-m", "m", "-w", ws, "--data", trained.Write("calm.csv", CliData.Rows(150, seed: 21)), "--json", json);
        Assert.True(code == 0, $"{stdout}\n{stderr}");
        Assert.Contains("Retrain decision", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.True(root.GetProperty("check_id").GetInt64() > 0);
        foreach (var field in new[] { "model", "version", "window", "drift", "quality", "performance", "status", "reasons" })
        {
            Assert.True(root.GetProperty("result").TryGetProperty(field, out _), $"result lacks {field}");
        }

        foreach (var field in new[] { "retrain", "summary", "triggers" })
        {
            Assert.True(root.GetProperty("decision").TryGetProperty(field, out _), $"decision lacks {field}");
        }

        Assert.Equal(1, Checks(ws));
    }

    [Fact]
    public void CheckOnShiftedRowsWithWrongLabelsExitsOne()
    {
        var ws = trained.Copy();
        var (code, stdout, _) = CliRunner.Run("check", "-m", "m", "-w", ws, "--data",
            trained.Write("shifted.csv", CliData.Rows(200, seed: 22, shift: 3, randomLabels: true, categories: null)));
        Assert.Equal(1, code);
        Assert.Contains("ALARM", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckWithAnUnwritableJsonRecordsNothing()
    {
        // #20 item 5: the check and its decision used to be recorded although the command failed.
        var ws = trained.Copy();
        var error = CliRunner.AssertOneLineError(CliRunner.Run("check", "-m", "m", "-w", ws, "--data", trained.TrainCsv, "--json", "/proc/vigil-test.json"));
        Assert.Contains("/proc/vigil-test.json", error, StringComparison.Ordinal);
        Assert.Equal(0, Checks(ws));
    }

    [Fact]
    public void CheckOfAnUnknownModelIsAnInputError()
    {
        var error = CliRunner.AssertOneLineError(CliRunner.Run("check", "-m", "nobody", "-w", trained.Copy(), "--data", trained.TrainCsv));
        Assert.Contains("nobody", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ForcedRetrainExitsZeroAndWritesTheOutcome()
    {
        var ws = trained.Copy();
        var json = Unique("retrain.json");
        var (code, stdout, stderr) = CliRunner.Run("retrain", "-m", "m", "-w", ws, "--data", trained.Write("recent.csv", CliData.Rows(120, seed: 23)),
            "--force", "--max-trials", "2", "--time-budget", "0", "--json", json);
        Assert.True(code == 0, $"{stdout}\n{stderr}");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var field in new[] { "model", "champion_version", "challenger_version", "metric", "promoted", "reason", "holdout_rows", "champion_metrics", "challenger_metrics" })
        {
            Assert.True(doc.RootElement.TryGetProperty(field, out _), $"retrain JSON lacks {field}");
        }

        Assert.Equal(2, doc.RootElement.GetProperty("challenger_version").GetInt32());
    }

    [Fact]
    public void RetrainWithoutLabelsFailsBeforeItsCheckIsRecorded()
    {
        var ws = trained.Copy();
        var unlabelled = trained.Write("unlabelled.csv", string.Join('\n', CliData.Rows(40, seed: 24).Split('\n').Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')])));
        var error = CliRunner.AssertOneLineError(CliRunner.Run("retrain", "-m", "m", "-w", ws, "--data", unlabelled));
        Assert.Contains("'y'", error, StringComparison.Ordinal);
        Assert.Equal(0, Checks(ws));
    }

    [Theory]
    [InlineData("--time-budget", "-1")]
    [InlineData("--time-budget", "0")] // no limit needs --max-trials
    [InlineData("--json", "/proc/vigil-test.json")]
    public void RetrainArgumentErrorsRecordNothing(string option, string value)
    {
        var ws = trained.Copy();
        var (code, _, stderr) = CliRunner.Run("retrain", "-m", "m", "-w", ws, "--data", trained.TrainCsv, option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.Equal(0, Checks(ws));
    }

    [Fact]
    public void ModelsListsPromotesAndRollsBack()
    {
        var ws = trained.Copy();
        var (code, stdout, _) = CliRunner.Run("models", "-w", ws);
        Assert.Equal(0, code);
        Assert.Contains("vigil train", stdout, StringComparison.Ordinal);

        CliRunner.AssertOneLineError(CliRunner.Run("models", "rollback", "-m", "m", "-w", ws)); // no earlier champion
        CliRunner.AssertOneLineError(CliRunner.Run("models", "promote", "-m", "m", "-w", ws, "--version", "9"));

        Assert.Equal(0, CliRunner.Run("train", "--data", trained.TrainCsv, "--label", "y", "--max-trials", "2", "--time-budget", "0", "--model", "m", "-w", ws).ExitCode);
        var promoted = CliRunner.Run("models", "promote", "-m", "m", "-w", ws, "--version", "2");
        Assert.Equal(0, promoted.ExitCode);
        Assert.Contains("version 2 is now the champion", promoted.Stdout, StringComparison.Ordinal);
        var rolledBack = CliRunner.Run("models", "rollback", "-m", "m", "-w", ws);
        Assert.Equal(0, rolledBack.ExitCode);
        Assert.Contains("version 1 is the champion", rolledBack.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelsOfAnEmptyWorkspaceSaysHowToStart()
    {
        var ws = Unique("empty-ws");
        Assert.Equal(0, CliRunner.Run("migrate", "-w", ws).ExitCode); // a workspace with no model yet
        var (code, stdout, _) = CliRunner.Run("models", "-w", ws);
        Assert.Equal(0, code);
        Assert.Contains("vigil train --model", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportWritesHtmlAndTheDocumentedJson()
    {
        var html = Unique("report.html");
        var json = Unique("report.json");
        var (code, _, stderr) = CliRunner.Run("report", "-m", "m", "-w", trained.Copy(), "--html", html, "--json", json);
        Assert.True(code == 0, stderr);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(html), StringComparison.OrdinalIgnoreCase);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var field in new[] { "model_name", "task", "primary_metric", "champion", "versions", "summary", "metric_timeline", "latest_drift", "events" })
        {
            Assert.True(doc.RootElement.TryGetProperty(field, out _), $"report JSON lacks {field}");
        }
    }

    [Fact]
    public void ReportWritesNothingWhenOneOutputCannotBeWritten()
    {
        var html = Unique("report.html");
        CliRunner.AssertOneLineError(CliRunner.Run("report", "-m", "m", "-w", trained.Copy(), "--html", html, "--json", trained.Root));
        Assert.False(File.Exists(html), "the HTML was written by a command that failed");
    }

    [Fact]
    public void ReportNeedsAnOutput()
    {
        CliRunner.AssertOneLineError(CliRunner.Run("report", "-m", "m", "-w", trained.Copy()));
    }
}
