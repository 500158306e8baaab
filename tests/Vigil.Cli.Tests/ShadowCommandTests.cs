using System.Globalization;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Store;
using Vigil.TestSupport;

namespace Vigil.Cli.Tests;

/// <summary>
/// <c>vigil models shadow</c>: refuses an unknown version, an external version and the champion in one line (exit 2);
/// sets a shadow, shows champion vs shadow on the same labelled rows, refuses a promotion the paired test does not
/// support, and <c>vigil models promote</c> shows the comparison before promoting the shadow.
/// </summary>
public sealed class ShadowCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-shadow-cli-").FullName;

    private string Ws => Path.Combine(_dir, "ws");

    private static string Fixture(string name) =>
        Path.Combine(SharedData.RepositoryRoot, "tests", "Vigil.Monitoring.Tests", "Models", "Fixtures", name);

    private void Register(params string[] extra)
    {
        var (code, _, stderr) = CliRunner.Run(["register", "--model", "churn", "--reference", Fixture("churn-columns.reference.csv"), "--label", "churn", "--workspace", Ws, .. extra]);
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void ShadowErrors_SetCompareAndPromote()
    {
        Register("--onnx", Fixture("churn-columns.onnx"));
        Register("--onnx", Fixture("churn-columns.onnx"));
        var reference = CsvTableReader.Read(Fixture("churn-columns.reference.csv"));
        var withPredictions = Path.Combine(_dir, "logged.csv");
        CsvTableWriter.Write(reference.WithColumn(CategoricalColumn.FromValues("pred",
            Enumerable.Range(0, reference.RowCount).Select(i => reference["churn"].FormatCell(i)).ToArray())), withPredictions);
        var (code, _, stderr) = CliRunner.Run("register", "--model", "churn", "--external", "--reference", withPredictions, "--label", "churn",
            "--prediction", "pred", "--workspace", Ws);
        Assert.True(code == 0, stderr);

        Assert.Contains("has no version 9; versions: 1, 2, 3", CliRunner.AssertOneLineError(CliRunner.Run("models", "shadow", "--model", "churn", "--version", "9", "--workspace", Ws)), StringComparison.Ordinal);
        Assert.Contains("kind 'external', which cannot shadow", CliRunner.AssertOneLineError(CliRunner.Run("models", "shadow", "--model", "churn", "--version", "3", "--workspace", Ws)), StringComparison.Ordinal);
        Assert.Contains("is the champion", CliRunner.AssertOneLineError(CliRunner.Run("models", "shadow", "--model", "churn", "--version", "1", "--workspace", Ws)), StringComparison.Ordinal);
        Assert.Contains("at most one", CliRunner.Run("models", "shadow", "--model", "churn", "--version", "2", "--off", "--workspace", Ws).Stderr, StringComparison.Ordinal);

        var set = CliRunner.Run("models", "shadow", "--model", "churn", "--version", "2", "--workspace", Ws);
        Assert.True(set.ExitCode == 0, set.Stderr);
        Assert.Contains("version 2 (onnx) shadows champion version 1", set.Stdout, StringComparison.Ordinal);

        LogRows();
        var json = Path.Combine(_dir, "shadow.json");
        var show = CliRunner.Run("models", "shadow", "--model", "churn", "--workspace", Ws, "--json", json);
        Assert.True(show.ExitCode == 0, show.Stderr);
        Assert.Contains("200 logged rows scored", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("roc_auc", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("Not promotable", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"labelled_rows\": 200", File.ReadAllText(json), StringComparison.Ordinal);

        // The same model beside itself: no improvement, so the paired test refuses the promotion.
        Assert.Contains("is not promoted", CliRunner.AssertOneLineError(CliRunner.Run("models", "shadow", "--model", "churn", "--promote", "--workspace", Ws)), StringComparison.Ordinal);

        var promote = CliRunner.Run("models", "promote", "--model", "churn", "--version", "2", "--workspace", Ws);
        Assert.True(promote.ExitCode == 0, promote.Stderr);
        Assert.Contains("shadow v2 (onnx) beside champion v1 (onnx)", promote.Stdout, StringComparison.Ordinal);
        Assert.Contains("version 2 is now the champion", promote.Stdout, StringComparison.Ordinal);
        Assert.Contains("no shadow", CliRunner.Run("models", "shadow", "--model", "churn", "--workspace", Ws).Stdout, StringComparison.Ordinal);
    }

    private void LogRows()
    {
        var data = CsvTableReader.Read(Fixture("churn-columns.data.csv"));
        using var monitor = VigilMonitor.Open(Ws);
        var rows = Enumerable.Range(0, data.RowCount).Select(i => new PredictionRecord(
            "r" + i.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UnixEpoch.AddDays(20000).AddMinutes(i),
            new Dictionary<string, object?>
            {
                ["age"] = ((NumericColumn)data["age"])[i], ["income"] = ((NumericColumn)data["income"])[i], ["city"] = data["city"].FormatCell(i),
                ["member"] = data["member"].FormatCell(i) == "true", ["visits"] = ((NumericColumn)data["visits"])[i],
            }, "yes", 0.5, 1)).ToArray();
        monitor.LogPredictions("churn", rows);
        monitor.LogLabels("churn", rows.Select((r, i) => new LabelRecord(r.Id, data["churn"].FormatCell(i)!, null)).ToArray());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
