using System.Text.Json;

namespace Vigil.Cli.Tests;

/// <summary>A column that is blank in every row (or holds one value) never makes a command fail with an internal error.</summary>
public sealed class BlankColumnCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-blank-cli-").FullName;

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static string Rows(int n, Func<int, string> row) =>
        "x,z,blank,constant\n" + string.Concat(Enumerable.Range(0, n).Select(i => row(i) + "\n"));

    [Fact]
    public void DriftWithAnAllBlankReferenceColumnReportsItAndTestsTheOthers()
    {
        var reference = File("r.csv", Rows(300, i => $"{i % 30},{i % 7},,5"));
        var current = File("c.csv", Rows(200, i => $"{(i % 30) + 20},{(i % 7) + 5},{i},5"));
        var json = Path.Combine(_dir, "drift.json");

        var (code, stdout, stderr) = CliRunner.Run("drift", "-r", reference, "-c", current, "--json", json);

        Assert.True(code == 1, stderr); // x and z drifted (2 of 4 features): the blank column did not hide them
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Contains("blank", stdout, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        var columns = doc.RootElement.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.False(columns["blank"].GetProperty("drifted").GetBoolean());
        Assert.Equal(300, columns["blank"].GetProperty("missing_reference").GetInt32());
        Assert.Contains("no non-missing reference values", columns["blank"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.False(columns["constant"].GetProperty("drifted").GetBoolean());
        Assert.True(columns["x"].GetProperty("drifted").GetBoolean());
    }

    // A blank CSV column reads as numeric; it used to impose that kind on the current file, so text there was refused
    // ("expected a number (explicit schema says numeric)", exit 2) instead of the blank reference being reported.
    [Theory]
    [InlineData("text")]
    [InlineData("2024-01-31")]
    public void DriftWithAnAllBlankReferenceColumn_WhoseCurrentColumnHoldsTextOrDates_ReportsIt(string value)
    {
        var reference = File("r.csv", Rows(300, i => $"{i % 30},{i % 7},,5"));
        var current = File("c.csv", Rows(200, i => $"{i % 30},{i % 7},{value},5"));
        var json = Path.Combine(_dir, "drift.json");

        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", current, "--json", json);

        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        var blank = doc.RootElement.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "blank");
        Assert.False(blank.GetProperty("drifted").GetBoolean());
        Assert.Equal(200, blank.GetProperty("n_current").GetInt32());
        Assert.Contains("no non-missing reference values", blank.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TrainDropsBlankColumnsAndWarnsOfConstantOnes_AndLaterChecksReportThem()
    {
        var random = new Random(4);
        string Row(double shift)
        {
            var x = random.NextDouble() + shift;
            return FormattableString.Invariant($"{x:F4},{random.Next(3)},,5,{(x + (random.NextDouble() * 0.5) > 0.75 ? 1 : 0)}");
        }

        var train = File("train.csv", "x,z,blank,constant,y\n" + string.Concat(Enumerable.Range(0, 300).Select(_ => Row(0) + "\n")));
        var window = File("window.csv", "x,z,blank,constant,y\n" + string.Concat(Enumerable.Range(0, 200).Select(_ => Row(0.1) + "\n")));
        var workspace = Path.Combine(_dir, "ws");

        var (trained, trainOut, trainErr) = CliRunner.Run("train", "--data", train, "--label", "y", "--time-budget", "0", "--max-trials", "2",
            "--learners", "lgbm", "--model", "m", "--workspace", workspace);
        Assert.True(trained == 0, trainErr);
        Assert.Contains("Column 'blank' is missing in every row and was ignored.", trainOut, StringComparison.Ordinal);
        Assert.Contains("Column 'constant' has the same value (5) in every row: nothing can be learned from it until it varies", trainOut, StringComparison.Ordinal);

        var json = Path.Combine(_dir, "check.json");
        var (code, stdout, stderr) = CliRunner.Run("check", "--model", "m", "--data", window, "--workspace", workspace, "--json", json);
        Assert.True(code is 0 or 1, $"exit {code}: {stderr}");
        Assert.Contains("not tested: blank (missing in every training row", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        var drift = doc.RootElement.GetProperty("result").GetProperty("drift");
        var skipped = drift.GetProperty("skipped").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("reason").GetString()!);
        Assert.Equal("missing in every training row: there is no reference to compare with", skipped["blank"]);
        var compared = drift.GetProperty("features").GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        Assert.Contains("constant", compared); // still watched: a constant that starts to vary is worth knowing
        Assert.DoesNotContain("blank", compared);
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
