using System.Text.Json;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests;

/// <summary><c>vigil replay</c>, <c>demo</c> and <c>serve</c>: exit codes and argument errors.</summary>
public sealed class OtherCommandsTests : IDisposable
{
    private readonly TempFolder _dir = new();

    [Fact]
    public void ReplayOnATinyStreamExitsZeroAndWritesTheJson()
    {
        var json = _dir.PathOf("replay.json");
        var html = _dir.PathOf("replay.html");
        var (code, stdout, stderr) = CliRunner.Run("replay", "--data", _dir.Write("stream.csv", CliData.Stream(240, seed: 7)), "--label", "y",
            "--batch", "40", "--initial", "2", "--window", "2", "--max-trials", "2", "--strategy", "static,vigil", "--drop", "t",
            "--workdir", _dir.PathOf("work"), "--json", json, "--html", html);
        Assert.True(code == 0, $"{stdout}\n{stderr}");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        foreach (var field in new[] { "label", "rows", "features", "batch_size", "replayed_batches", "strategies" })
        {
            Assert.True(doc.RootElement.TryGetProperty(field, out _), $"replay JSON lacks {field}");
        }

        var strategies = doc.RootElement.GetProperty("strategies").EnumerateArray().ToArray();
        Assert.Equal(["static", "vigil"], strategies.Select(s => s.GetProperty("strategy").GetString()));
        Assert.True(strategies[0].TryGetProperty("mean_accuracy", out _));
        Assert.True(File.Exists(html));
    }

    [Theory]
    [InlineData("--time-budget", "-1")]
    [InlineData("--strategy", "magic")]
    [InlineData("--json", "/proc/vigil-test.json")]
    [InlineData("--workdir", "/proc/vigil-test")]
    public void ReplayArgumentErrorsExitTwo(string option, string value)
    {
        var (code, _, stderr) = CliRunner.Run("replay", "--data", _dir.Write("stream.csv", CliData.Stream(80, seed: 7)), "--label", "y", option, value);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void DemoWithABadBudgetKeepsTheEarlierDemo()
    {
        // The folder of an earlier demo used to be deleted before the budget was checked.
        var folder = _dir.PathOf("demo");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ".vigil-demo"), "earlier");
        File.WriteAllText(Path.Combine(folder, "report.html"), "kept");
        var (code, _, stderr) = CliRunner.Run("demo", "-w", folder, "--time-budget", "0");
        Assert.Equal(2, code);
        Assert.Contains("--time-budget", stderr, StringComparison.Ordinal);
        Assert.Equal("kept", File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void DemoRefusesAFolderThatIsNotAnEarlierDemo()
    {
        var folder = _dir.PathOf("mine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "precious.txt"), "mine");
        var error = CliRunner.AssertOneLineError(CliRunner.Run("demo", "-w", folder));
        Assert.Contains("not an earlier demo", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "precious.txt")));
    }

    [Fact]
    public void DemoRefusesAnUnwritableFolder()
    {
        CliRunner.AssertOneLineError(CliRunner.Run("demo", "-w", "/proc/vigil-demo"));
    }

    [Fact]
    public void ServeRefusesAnUnwritableWorkspace()
    {
        var error = CliRunner.AssertOneLineError(CliRunner.Run("serve", "-w", "/proc/vigil-ws"));
        Assert.Contains("/proc/vigil-ws", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--urls", "not-a-url")]
    [InlineData("--Vigil:Durability=sometimes", null)]
    [InlineData("--Vigil:Telemetry:OtlpEndpoint=collector:4317", null)]
    public void ServeConfigurationErrorsExitTwoInOneLine(string option, string? value)
    {
        string[] args = value is null ? ["serve", "-w", _dir.PathOf("ws"), option] : ["serve", "-w", _dir.PathOf("ws"), option, value];
        var error = CliRunner.AssertOneLineError(CliRunner.Run(args));
        Assert.Contains("did not start", error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
