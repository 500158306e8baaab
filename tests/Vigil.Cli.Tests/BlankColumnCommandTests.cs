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
