using System.CommandLine;

namespace Vigil.Cli.Tests;

/// <summary>
/// Option values the parser cannot take or the commands cannot use. Before: "--version abc" on <c>models shadow</c> and
/// "--time-budget abc" on <c>demo</c> and <c>retrain</c> crashed with "Unhandled exception" and a stack trace (their
/// validators read the value the parser had refused); "--time-budget NaN" and "1e10" came back as "invalid setting
/// TimeBudget / delay" from deep inside AutoML.
/// </summary>
public sealed class OptionValueTests
{
    // Every numeric option of every command, each given a word.
    public static TheoryData<string, string> NumericOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, option) in CommandOptions.All())
        {
            var type = Nullable.GetUnderlyingType(option.ValueType) ?? option.ValueType;
            if (type == typeof(int) || type == typeof(long) || type == typeof(double))
            {
                data.Add(path, option.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NumericOptions))]
    public void AWordForANumber_IsAUsageErrorNamingTheOption_NeverACrash(string command, string option)
    {
        var args = command.Split(' ').Skip(1).Concat([option, "abc"]).ToArray();

        var (code, stdout, stderr) = CliRunner.Run(args);

        Assert.True(code == ExitCodes.UsageOrInput, $"exit {code}\n{stdout}\n{stderr}");
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", stderr, StringComparison.Ordinal);
        Assert.StartsWith("error: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAuditSeesTheNumericOptions()
    {
        var all = NumericOptions().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        Assert.Contains("vigil models shadow --version", all);
        Assert.Contains("vigil demo --time-budget", all);
        Assert.Contains("vigil retrain --time-budget", all);
    }

    [Theory]
    [InlineData("abc", "for option '--time-budget': expected a number (e.g. 0.05).")]
    [InlineData("NaN", "--time-budget must be a number of seconds from 0 to 1,000,000 (0 = no limit where the command allows it), not NaN.")]
    [InlineData("Infinity", "not Infinity.")]
    [InlineData("1e10", "not 1e10.")]
    [InlineData("-1", "not -1.")]
    public void ATimeBudgetThatIsNoDuration_IsRefusedOnEveryCommand(string value, string expected)
    {
        var dir = Directory.CreateTempSubdirectory("vigil-budget-").FullName;
        var data = Path.Combine(dir, "rows.csv");
        File.WriteAllText(data, "x,y\n1,a\n2,b\n");
        string[][] commands =
        [
            ["train", "--data", data, "--label", "y", "--out", Path.Combine(dir, "model")],
            ["retrain", "--model", "m", "--data", data, "--workspace", Path.Combine(dir, "ws")],
            ["replay", "--data", data, "--label", "y"],
            ["demo", "--workspace", Path.Combine(dir, "demo")],
        ];
        foreach (var args in commands)
        {
            var command = args[0];
            var (code, _, stderr) = CliRunner.Run([.. args, "--time-budget", value]);
            Assert.True(code == ExitCodes.UsageOrInput, $"{command}: exit {code}\n{stderr}");
            Assert.Contains(expected, stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }

        Assert.Equal([data], Directory.EnumerateFileSystemEntries(dir)); // nothing written, nothing created
        Directory.Delete(dir, recursive: true);
    }
}
