using System.Text.Json;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil drift --test COLUMN=NAME</c>: choosing a column's test, and the one-line errors when the choice is wrong.</summary>
public sealed class DriftTestOptionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-drift-test-option-").FullName;
    private readonly string _reference;
    private readonly string _current;

    public DriftTestOptionTests()
    {
        _reference = File("r.csv", Rows(300, i => $"{(i * 7) % 50},{(i % 10 < 3 ? "true" : "false")},{(i % 2 == 0 ? "red" : "blue")}"));
        _current = File("c.csv", Rows(200, i => $"{((i * 7) % 50) + 20},{(i % 10 < 6 ? "yes" : "no")},{(i % 2 == 0 ? "red" : "blue")}"));
    }

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static string Rows(int n, Func<int, string> row) =>
        "x,flag,color\n" + string.Concat(Enumerable.Range(0, n).Select(i => row(i) + "\n"));

    private Dictionary<string, JsonElement> Columns(string json)
    {
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        return doc.RootElement.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.Clone());
    }

    [Fact]
    public void WithoutTestOptionsTheDefaultsAndEveryEarlierFieldAreThere()
    {
        var json = Path.Combine(_dir, "default.json");
        var (code, stdout, stderr) = CliRunner.Run("drift", "-r", _reference, "-c", _current, "--json", json);
        Assert.True(code == 1, stderr);
        var columns = Columns(json);
        Assert.Equal("ks", columns["x"].GetProperty("test").GetString());
        Assert.Equal("chi2", columns["flag"].GetProperty("test").GetString());
        foreach (var field in new[] { "ks_statistic", "ks_pvalue", "wasserstein", "wasserstein_normed", "pvalue_adjusted", "statistic", "p_value", "adjusted_p_value", "effect_sizes" })
        {
            Assert.True(columns["x"].TryGetProperty(field, out _), field);
        }

        Assert.Equal(columns["x"].GetProperty("ks_statistic").GetDouble(), columns["x"].GetProperty("statistic").GetDouble());
        Assert.Equal(columns["flag"].GetProperty("chi2_pvalue").GetDouble(), columns["flag"].GetProperty("p_value").GetDouble());
        Assert.Contains("│ ks ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TestsAreChosenPerColumnAndShownByName()
    {
        var json = Path.Combine(_dir, "chosen.json");
        var (code, stdout, stderr) = CliRunner.Run("drift", "-r", _reference, "-c", _current, "--test", "x=cvm", "--test", "flag=z", "--json", json);
        Assert.True(code == 1, stderr);
        var columns = Columns(json);
        Assert.Equal("cvm", columns["x"].GetProperty("test").GetString());
        Assert.False(columns["x"].TryGetProperty("ks_pvalue", out _));
        Assert.Equal("z", columns["flag"].GetProperty("test").GetString());
        Assert.True(columns["flag"].GetProperty("effect_sizes").GetProperty("difference").GetDouble() > 0.25); // 30 % → 60 % true
        Assert.Equal("chi2", columns["color"].GetProperty("test").GetString());
        Assert.Contains("│ cvm ", stdout, StringComparison.Ordinal);
        Assert.Contains("│ z ", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x=t", "Unknown test 't' for column 'x'; tests for numeric columns: ks, ad, cvm.")]
    [InlineData("x=chi2", "The test 'chi2' does not accept column 'x', which is numeric; tests for numeric columns: ks, ad, cvm.")]
    [InlineData("color=ks", "The test 'ks' does not accept column 'color', which is categorical; tests for categorical columns: chi2.")]
    [InlineData("color=z", "The test 'z' needs a boolean column, but column 'color' is categorical (line 2: 'red' is not true/false, 1/0 or yes/no); tests for categorical columns: chi2.")]
    [InlineData("nope=ks", "--test names column 'nope', which is not compared; compared columns: x, flag, color.")]
    [InlineData("x", "--test 'x' is not COLUMN=NAME (e.g. --test income=ad); tests: ks, chi2, ad, cvm, z.")]
    public void AWrongChoiceIsOneLineExitTwo(string test, string message)
    {
        var (code, stdout, stderr) = CliRunner.Run("drift", "-r", _reference, "-c", _current, "--test", test);
        Assert.Equal(2, code);
        Assert.Equal("error: " + message, stderr.TrimEnd());
        Assert.DoesNotContain("Drift of", stdout, StringComparison.Ordinal); // failed before comparing
    }

    [Fact]
    public void TheSameColumnTwiceIsAnError()
    {
        var (code, _, stderr) = CliRunner.Run("drift", "-r", _reference, "-c", _current, "--test", "x=ks", "--test", "x=ad");
        Assert.Equal(2, code);
        Assert.Contains("'x' twice", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonBooleanValueInTheCurrentFileOfAZColumnIsLocated()
    {
        var current = File("bad.csv", "x,flag,color\n1,true,red\n2,maybe,blue\n");
        var (code, _, stderr) = CliRunner.Run("drift", "-r", _reference, "-c", current, "--test", "flag=z");
        Assert.Equal(2, code);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.Contains("maybe", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
