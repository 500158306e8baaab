using System.Globalization;
using System.Text.Json;

namespace Vigil.Cli.Tests;

/// <summary>
/// Labels of one class and windows of one row: <c>evaluate</c> reports the defined metrics and why the others are not,
/// <c>check</c> neither crashes nor decides to retrain on a window below the minimum size.
/// </summary>
public sealed class OneClassAndTinyWindowCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-oneclass-cli-").FullName;

    private string File(string name, IEnumerable<string> rows)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, "x,z,y\n" + string.Concat(rows.Select(r => r + "\n")));
        return path;
    }

    private static IEnumerable<string> Rows(int n, int seed, double shift = 0, int? onlyClass = null)
    {
        var random = new Random(seed);
        for (var i = 0; i < n; i++)
        {
            var x = random.NextDouble() + shift;
            var y = onlyClass ?? (x + (random.NextDouble() * 0.4) > 0.7 ? 1 : 0);
            yield return string.Create(CultureInfo.InvariantCulture, $"{x:F4},{random.NextDouble():F4},{y}");
        }
    }

    private string TrainBundle()
    {
        var bundle = Path.Combine(_dir, "model");
        var (code, _, stderr) = CliRunner.Run("train", "--data", File("train.csv", Rows(300, 1)), "--label", "y",
            "--time-budget", "0", "--max-trials", "2", "--learners", "lgbm", "--out", bundle);
        Assert.True(code == 0, stderr);
        return bundle;
    }

    [Theory]
    [InlineData(40)]
    [InlineData(1)]
    public void EvaluateOnOneClassReportsTheDefinedMetricsAndWhyRocAucIsNot(int rows)
    {
        var bundle = TrainBundle();
        var json = Path.Combine(_dir, "eval.json");
        var (code, stdout, stderr) = CliRunner.Run("evaluate", "--model", bundle, "--data", File("ones.csv", Rows(rows, 2, onlyClass: 1)), "--json", json);

        Assert.True(code == 0, stderr);
        Assert.Contains("roc_auc is undefined here: the labels hold one class only", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal("binary", root.GetProperty("task").GetString());
        Assert.Equal(rows, root.GetProperty("n_rows").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("roc_auc").ValueKind);
        Assert.Equal("the labels hold one class only; ROC AUC needs both classes", root.GetProperty("undefined").GetProperty("roc_auc").GetString());
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("recall").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("log_loss").GetDouble() > 0);
    }

    [Fact]
    public void ChecksOnAOneClassWindowAndOnAOneRowWindowDoNotCrashOrRetrain()
    {
        var workspace = Path.Combine(_dir, "ws");
        var (trained, _, trainErr) = CliRunner.Run("train", "--data", File("train.csv", Rows(300, 1)), "--label", "y",
            "--time-budget", "0", "--max-trials", "2", "--learners", "lgbm", "--model", "m", "--workspace", workspace);
        Assert.True(trained == 0, trainErr);

        var oneClass = Path.Combine(_dir, "one-class.json");
        var (code, _, stderr) = CliRunner.Run("check", "--model", "m", "--data", File("w1.csv", Rows(60, 3, onlyClass: 1)), "--workspace", workspace, "--json", oneClass);
        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        using (var doc = JsonDocument.Parse(System.IO.File.ReadAllText(oneClass)))
        {
            var performance = doc.RootElement.GetProperty("result").GetProperty("performance");
            var auc = performance.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "roc_auc");
            Assert.False(auc.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number);
        }

        var tiny = Path.Combine(_dir, "tiny.json");
        (code, _, stderr) = CliRunner.Run("check", "--model", "m", "--data", File("w2.csv", Rows(1, 4, shift: 5)), "--workspace", workspace, "--json", tiny);
        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        using (var doc = JsonDocument.Parse(System.IO.File.ReadAllText(tiny)))
        {
            var decision = doc.RootElement.GetProperty("decision");
            Assert.False(decision.GetProperty("retrain").GetBoolean());
            Assert.StartsWith("no retrain: the window is below the minimum size", decision.GetProperty("summary").GetString(), StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
