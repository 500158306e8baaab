using System.Text;
using Vigil.Cli.Tests.Support;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil train</c>: exit codes, registration, and no side effect when it fails.</summary>
public sealed class TrainCommandTests : IDisposable
{
    private readonly TempFolder _dir = new();

    private string[] Train(params string[] extra) =>
        ["train", "--data", _dir.Write("train.csv", CliData.Rows(120, seed: 5)), "--label", "y", "--max-trials", "2", "--time-budget", "0", .. extra];

    [Fact]
    public void TrainsRegistersTheChampionAndWritesTheBundle()
    {
        var ws = _dir.PathOf("ws");
        var (code, stdout, stderr) = CliRunner.Run(Train("--model", "churn", "-w", ws, "--out", _dir.PathOf("bundle")));
        Assert.True(code == 0, stderr);
        Assert.Contains("registered churn v1 (champion)", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_dir.PathOf("bundle"), "manifest.json")));
        using var workspace = VigilWorkspace.Open(ws);
        Assert.Equal(1, workspace.Registry.GetChampion("churn")!.Version);
    }

    [Fact]
    public void AnUnwritableOutFolderFailsBeforeAnythingIsRegistered()
    {
        // #20 item 5: the model used to be registered as champion before --out failed.
        var ws = _dir.PathOf("ws");
        var error = CliRunner.AssertOneLineError(CliRunner.Run(Train("--model", "x", "-w", ws, "--out", "/proc/vigil-test/out")));
        Assert.Contains("/proc/vigil-test/out", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws), "the workspace was created by a command that failed");
    }

    [Fact]
    public void AnOutPathThatIsAFileIsRefusedBeforeTraining()
    {
        var file = _dir.Write("taken", "x");
        var error = CliRunner.AssertOneLineError(CliRunner.Run(Train("--out", file)));
        Assert.Contains("is a file", error, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void AMissingLabelNamesTheFileAndLine()
    {
        var rows = CliData.Rows(60, seed: 2).Split('\n');
        rows[31] = rows[31][..rows[31].LastIndexOf(',')] + ","; // data row 31 is on line 32
        var path = _dir.Write("holes.csv", string.Join('\n', rows));
        var error = CliRunner.AssertOneLineError(CliRunner.Run("train", "--data", path, "--label", "y", "--out", _dir.PathOf("b"), "--max-trials", "2", "--time-budget", "0"));
        Assert.Contains($"{path}, line 32, column 'y'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownLabelColumnIsAnInputError()
    {
        var error = CliRunner.AssertOneLineError(CliRunner.Run("train", "--data", _dir.Write("t.csv", CliData.Rows(40, 1)), "--label", "nope", "--out", _dir.PathOf("b")));
        Assert.Contains("'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALatin1FileIsLocatedUnlessTheEncodingIsGiven()
    {
        var text = CliData.Rows(80, seed: 3).Replace(",a,", ",é,", StringComparison.Ordinal);
        var path = _dir.Write("latin.csv", Encoding.Latin1.GetBytes(text));
        var error = CliRunner.AssertOneLineError(CliRunner.Run("train", "--data", path, "--label", "y", "--out", _dir.PathOf("b"), "--max-trials", "2", "--time-budget", "0"));
        Assert.Contains("byte offset", error, StringComparison.Ordinal);
        Assert.Contains("0xE9", error, StringComparison.Ordinal);
        Assert.Contains("--encoding latin1", error, StringComparison.Ordinal);

        var (code, _, stderr) = CliRunner.Run("train", "--data", path, "--label", "y", "--out", _dir.PathOf("b"), "--max-trials", "2", "--time-budget", "0", "--encoding", "latin1");
        Assert.True(code == 0, stderr);
    }

    [Theory]
    [InlineData("--task", "clustering")]
    [InlineData("--time-budget", "-3")]
    [InlineData("--encoding", "ebcdic")]
    public void BadOptionsExitTwo(string option, string value)
    {
        var (code, _, stderr) = CliRunner.Run(Train("--out", _dir.PathOf("b"), option, value));
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.PathOf("b")));
    }

    [Fact]
    public void NeitherOutNorModelIsAUsageError()
    {
        var (code, _, stderr) = CliRunner.Run(Train());
        Assert.Equal(2, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
