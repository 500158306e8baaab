namespace Vigil.Cli.Tests;

/// <summary>Runs the vigil command in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Asserts the documented shape of a failure: exit code <paramref name="expected"/>, and stderr is one line that
    /// starts with "error:", holds no raw control character and no stack trace. Returns that line.
    /// </summary>
    public static string AssertOneLineError((int ExitCode, string Stdout, string Stderr) result, int expected = ExitCodes.UsageOrInput)
    {
        Assert.True(result.ExitCode == expected, $"exit {result.ExitCode}, expected {expected}\nstdout: {result.Stdout}\nstderr: {result.Stderr}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, got {lines.Length}:\n{result.Stderr}");
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines[0].TrimEnd('\r'), char.IsControl);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        return lines[0];
    }
}
