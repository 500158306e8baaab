using System.Text.Json;

namespace Vigil.Cli.Tests;

/// <summary>Behaviour of <c>vigil drift</c> that needs no shared data: exit codes, options and bad input.</summary>
public sealed class DriftCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-drift-cli-").FullName;

    private string File(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private static string Rows(int n, Func<int, string> row) =>
        "x,y,color\n" + string.Concat(Enumerable.Range(0, n).Select(i => row(i) + "\n"));

    [Fact]
    public void IdenticalSamplesExitZeroWithNoDrift()
    {
        var path = File("a.csv", Rows(300, i => $"{i % 17},{i * 0.5},{(i % 3 == 0 ? "red" : "blue")}"));
        var json = Path.Combine(_dir, "out.json");
        var (code, stdout, stderr) = CliRunner.Run("drift", "--reference", path, "--current", path, "--json", json);
        Assert.Equal(0, code);
        Assert.Contains("no dataset drift", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        Assert.False(doc.RootElement.GetProperty("dataset_drift").GetBoolean());
        foreach (var c in doc.RootElement.GetProperty("columns").EnumerateArray())
        {
            Assert.False(c.GetProperty("drifted").GetBoolean());
            Assert.Equal(0.0, c.GetProperty("psi").GetDouble(), 12);
        }
    }

    [Fact]
    public void ShiftedSampleExitsOneAndNamesTheColumns()
    {
        var reference = File("r.csv", Rows(400, i => $"{i % 50},{i % 40},{(i % 2 == 0 ? "red" : "blue")}"));
        var current = File("c.csv", Rows(400, i => $"{(i % 50) + 30},{(i % 40) + 25},{(i % 5 == 0 ? "green" : "red")}"));
        var (code, stdout, _) = CliRunner.Run("drift", "-r", reference, "-c", current);
        Assert.Equal(1, code);
        Assert.Contains("DATASET DRIFT", stdout, StringComparison.Ordinal);
        Assert.Contains("green", stdout, StringComparison.Ordinal); // the new category is named in the reason
    }

    [Fact]
    public void ColumnsAndLabelOptionsSelectAndMarkColumns()
    {
        var reference = File("r.csv", Rows(200, i => $"{i % 10},{i % 7},{(i % 2 == 0 ? "red" : "blue")}"));
        var json = Path.Combine(_dir, "out.json");
        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", reference, "--columns", "x,color", "--label", "color", "--json", json);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
        var columns = doc.RootElement.GetProperty("columns").EnumerateArray().ToArray();
        Assert.Equal(new[] { "x", "color" }, columns.Select(c => c.GetProperty("name").GetString()!).ToArray());
        Assert.True(columns[1].GetProperty("is_label").GetBoolean());
        Assert.Equal("categorical", columns[1].GetProperty("type").GetString());
    }

    [Fact]
    public void MissingFileIsAnInputErrorNamingTheFile()
    {
        var (code, _, stderr) = CliRunner.Run("drift", "-r", Path.Combine(_dir, "absent.csv"), "-c", Path.Combine(_dir, "absent.csv"));
        Assert.Equal(2, code);
        Assert.Contains("absent.csv", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public void TextInANumericColumnIsReportedWithLineAndColumn()
    {
        var reference = File("r.csv", Rows(20, i => $"{i},{i},red"));
        var current = File("c.csv", "x,y,color\n1,2,red\n3,oops,blue\n");
        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", current);
        Assert.Equal(2, code);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.Contains("'y'", stderr, StringComparison.Ordinal);
        Assert.Contains("oops", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ColumnMissingFromCurrentIsAnInputError()
    {
        var reference = File("r.csv", Rows(20, i => $"{i},{i},red"));
        var current = File("c.csv", "x,color\n1,red\n2,blue\n");
        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", current);
        Assert.Equal(2, code);
        Assert.Contains("'y'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyCurrentFileIsAnInputError()
    {
        var reference = File("r.csv", Rows(20, i => $"{i},{i},red"));
        var current = File("c.csv", "");
        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", current);
        Assert.Equal(2, code);
        Assert.Contains("c.csv", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownColumnInColumnsOptionIsAnInputError()
    {
        var reference = File("r.csv", Rows(20, i => $"{i},{i},red"));
        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", reference, "--columns", "nope");
        Assert.Equal(2, code);
        Assert.Contains("nope", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--alpha", "1.5")]
    [InlineData("--correction", "magic")]
    [InlineData("--bogus", "1")]
    public void BadOptionsAreUsageErrors(string option, string value)
    {
        var reference = File("r.csv", Rows(20, i => $"{i},{i},red"));
        var (code, _, stderr) = CliRunner.Run("drift", "-r", reference, "-c", reference, option, value);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public void ALatin1ByteIsLocatedAndReadWithTheEncodingOption()
    {
        var reference = File("r.csv", Rows(40, i => $"{i},{i},red"));
        var bytes = System.Text.Encoding.Latin1.GetBytes("x,y,color\n1,2,red\n3,4,rosé\n");
        var current = Path.Combine(_dir, "latin.csv");
        System.IO.File.WriteAllBytes(current, bytes);
        var error = CliRunner.AssertOneLineError(CliRunner.Run("drift", "-r", reference, "-c", current));
        Assert.Contains($"{current}, line 3, character 8 (byte offset 25)", error, StringComparison.Ordinal);
        var (code, stdout, stderr) = CliRunner.Run("drift", "-r", reference, "-c", current, "--encoding", "latin1");
        Assert.True(code is 0 or 1, stderr);
        Assert.Contains("rosé", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ABinaryFileIsOneEscapedLine()
    {
        var binary = Path.Combine(_dir, "image.png");
        System.IO.File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x1B, 0x5B, 0x32, 0x4A]);
        var error = CliRunner.AssertOneLineError(CliRunner.Run("drift", "-r", binary, "-c", binary));
        Assert.Contains("image.png", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnwritableJsonNamesTheFileTheUserGave()
    {
        var reference = File("r.csv", Rows(20, i => $"{i},{i},red"));
        var error = CliRunner.AssertOneLineError(CliRunner.Run("drift", "-r", reference, "-c", reference, "--json", "/proc/vigil-drift.json"));
        Assert.Contains("/proc/vigil-drift.json", error, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
