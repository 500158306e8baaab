using System.CommandLine;
using Vigil.Cli.Outputs;

namespace Vigil.Cli.Tests;

/// <summary>
/// Keeps #20 item 5 fixed for commands not written yet: every option that names something a command writes is
/// checked while parsing (before any side effect), and the check itself refuses what cannot be written.
/// </summary>
public sealed class OutputAuditTests : IDisposable
{
    private static readonly string[] OutputNames = ["--out", "--json", "--html", "--workspace", "--workdir"];
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-outputs-").FullName;

    public static TheoryData<string, string> OutputOptions()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, option) in CommandOptions.All())
        {
            if (OutputNames.Contains(option.Name))
            {
                data.Add(path, option.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OutputOptions))]
    public void EveryOutputOptionIsCheckedBeforeTheCommandRuns(string command, string option)
    {
        var found = CommandOptions.All().Single(o => o.Path == command && o.Option.Name == option).Option;
        Assert.True(OutputOption.IsOutput(found), $"{command} {option} writes but is not marked with WritesFile/WritesFolder");
    }

    [Fact]
    public void TheAuditSeesTheOptionsItGuards()
    {
        var all = OutputOptions().Select(row => $"{row[0]} {row[1]}").ToHashSet();
        Assert.Contains("vigil train --out", all);
        Assert.Contains("vigil check --json", all);
        Assert.Contains("vigil report --html", all);
        Assert.Contains("vigil models promote --workspace", all);
        Assert.Contains("vigil replay --workdir", all);
    }

    [Fact]
    public void FileTargetsMustBeCreatableRegularFilesInAnExistingFolder()
    {
        Assert.Null(OutputTarget.FileProblem(Path.Combine(_dir, "new.json")));
        File.WriteAllText(Path.Combine(_dir, "old.json"), "{}");
        Assert.Null(OutputTarget.FileProblem(Path.Combine(_dir, "old.json")));
        Assert.Contains("is a folder", OutputTarget.FileProblem(_dir), StringComparison.Ordinal);
        Assert.Contains("does not exist", OutputTarget.FileProblem(Path.Combine(_dir, "no", "x.json")), StringComparison.Ordinal);
        Assert.Contains("is a file, not a folder", OutputTarget.FileProblem(Path.Combine(_dir, "old.json", "x.json")), StringComparison.Ordinal);
        Assert.Contains("cannot create files in /proc", OutputTarget.FileProblem("/proc/x"), StringComparison.Ordinal);
        if (OperatingSystem.IsLinux())
        {
            Assert.Contains("device", OutputTarget.FileProblem("/dev/null"), StringComparison.Ordinal);
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_dir, ".vigil-write-check-*")); // the probe cleans up
    }

    [Fact]
    public void FolderTargetsMayBeCreatedUnderAWritableFolder()
    {
        Assert.Null(OutputTarget.FolderProblem(_dir));
        Assert.Null(OutputTarget.FolderProblem(Path.Combine(_dir, "a", "b", "c")));
        File.WriteAllText(Path.Combine(_dir, "file"), "x");
        Assert.Contains("is a file", OutputTarget.FolderProblem(Path.Combine(_dir, "file")), StringComparison.Ordinal);
        Assert.Contains("is a file, not a folder", OutputTarget.FolderProblem(Path.Combine(_dir, "file", "sub")), StringComparison.Ordinal);
        Assert.Contains("cannot create files in /proc", OutputTarget.FolderProblem("/proc/vigil/x"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "a")), "checking a folder must not create it");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
