using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil evaluate</c> and <c>vigil predict</c> on a saved bundle.</summary>
public sealed class ModelCommandsTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    [Fact]
    public void EvaluateExitsZeroAndWritesTheDocumentedJson()
    {
        var json = trained.PathOf("eval-" + Guid.NewGuid().ToString("N") + ".json");
        var data = trained.Write("eval.csv", CliData.Rows(80, seed: 9));
        var (code, stdout, stderr) = CliRunner.Run("evaluate", "--model", trained.Bundle, "--data", data, "--json", json);
        Assert.True(code == 0, stderr);
        Assert.Contains("roc_auc", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var field in new[] { "task", "metric", "n_rows", "roc_auc", "accuracy" })
        {
            Assert.True(doc.RootElement.TryGetProperty(field, out _), $"--json lacks {field}");
        }

        Assert.Equal(80, doc.RootElement.GetProperty("n_rows").GetInt32());
        Assert.Equal("binary", doc.RootElement.GetProperty("task").GetString());
    }

    [Fact]
    public void EvaluateNamesTheLineOfALabelTheModelDoesNotKnow()
    {
        var rows = CliData.Rows(30, seed: 4).Split('\n');
        rows[12] = rows[12][..rows[12].LastIndexOf(',')] + ",7";
        var data = trained.Write("unknown-label.csv", string.Join('\n', rows));
        var error = CliRunner.AssertOneLineError(CliRunner.Run("evaluate", "--model", trained.Bundle, "--data", data));
        Assert.Contains($"{data}, line 13, column 'y'", error, StringComparison.Ordinal);
        Assert.Contains("'7'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateWithAMissingModelFolderIsAnInputError()
    {
        var error = CliRunner.AssertOneLineError(CliRunner.Run("evaluate", "--model", trained.PathOf("absent"), "--data", trained.TrainCsv));
        Assert.Contains("absent", error, StringComparison.Ordinal);
    }

    [Fact]
    public void PredictAddsPredictionAndScoreColumns()
    {
        var output = trained.PathOf("scored-" + Guid.NewGuid().ToString("N") + ".csv");
        var (code, stdout, stderr) = CliRunner.Run("predict", "--model", trained.Bundle, "--data", trained.TrainCsv, "--out", output);
        Assert.True(code == 0, stderr);
        Assert.Contains("200 predictions", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(output);
        Assert.Equal("x1,x2,c,y,prediction,score", lines[0]);
        Assert.Equal(201, lines.Length);
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("/proc/vigil-test.csv")]
    [InlineData("missing-folder/out.csv")]
    public void PredictRefusesAnOutputItCannotWrite(string output)
    {
        var target = output == "folder" ? trained.Root : output.StartsWith('/') ? output : trained.PathOf(output);
        var error = CliRunner.AssertOneLineError(CliRunner.Run("predict", "--model", trained.Bundle, "--data", trained.TrainCsv, "--out", target));
        Assert.Contains(target, error, StringComparison.Ordinal);
    }
}
