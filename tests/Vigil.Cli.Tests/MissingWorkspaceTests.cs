using System.CommandLine;

namespace Vigil.Cli.Tests;

/// <summary>
/// A command that reads or adds to a model's history needs a workspace that exists: a mistyped <c>--workspace</c> (or
/// running in the wrong folder, where the default <c>.vigil</c> is) is one line and exit 2, and nothing is created
/// there. Before, every such command made an empty workspace (vigil.db and models/) at the mistyped path. Only the
/// commands that bring a model in (and <c>vigil migrate</c>, which says "schema version 0 -> N") create one.
/// </summary>
public sealed class MissingWorkspaceTests : IDisposable
{
    // Commands allowed to create a workspace: they register a model, serve one that will be, set a schema up on purpose, or build the demo.
    private static readonly string[] Creators = ["vigil train", "vigil register", "vigil serve", "vigil migrate", "vigil demo"];

    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-missing-ws-").FullName;

    // Each command that must find an existing workspace, with the arguments it needs besides --workspace.
    public static TheoryData<string, string[]> Readers() => new()
    {
        { "vigil check", ["--model", "m", "--data", "DATA"] },
        { "vigil retrain", ["--model", "m", "--data", "DATA"] },
        { "vigil models", [] },
        { "vigil models promote", ["--model", "m", "--version", "1"] },
        { "vigil models rollback", ["--model", "m"] },
        { "vigil models watch", ["--model", "m", "--set", "accuracy"] },
        { "vigil models estimator", ["--model", "m"] },
        { "vigil models shadow", ["--model", "m"] },
        { "vigil report", ["--model", "m", "--html", "OUT/r.html"] },
        { "vigil export", ["--model", "m", "--out", "OUT/rows.csv"] },
        { "vigil predict", ["--model", "m", "--data", "DATA", "--out", "OUT/p.csv"] },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void ACommandThatNeedsAWorkspace_RefusesAMissingOne_AndCreatesNothing(string command, string[] args)
    {
        var data = Path.Combine(_dir, "rows.csv");
        File.WriteAllText(data, "x,y\n1,a\n2,b\n");
        var missing = Path.Combine(_dir, "mistyped");
        var argv = command.Split(' ').Skip(1)
            .Concat(args.Select(a => a.Replace("DATA", data, StringComparison.Ordinal).Replace("OUT", _dir, StringComparison.Ordinal)))
            .Concat(["--workspace", missing]).ToArray();

        var error = CliRunner.AssertOneLineError(CliRunner.Run(argv));

        Assert.True(!Directory.Exists(missing), $"{command} created {missing}");
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyFolderIsNotAWorkspaceEither_AndStaysEmpty()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        var error = CliRunner.AssertOneLineError(CliRunner.Run("models", "--workspace", empty));
        Assert.Contains("No workspace at", error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
    }

    // A new command with --workspace must be classified: creator, or tested above.
    [Fact]
    public void EveryCommandWithAWorkspaceIsClassified()
    {
        var tested = Readers().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var withWorkspace = Paths(Program.BuildRoot(), "vigil").Where(c => c.Command.Options.Any(o => o.Name == "--workspace")).Select(c => c.Path).ToArray();
        Assert.NotEmpty(withWorkspace);
        foreach (var path in withWorkspace)
        {
            Assert.True(Creators.Contains(path) || tested.Contains(path), $"{path} has --workspace but is neither a creator nor tested for a missing workspace");
        }
    }

    private static IEnumerable<(string Path, Command Command)> Paths(Command command, string path)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands)
        {
            foreach (var item in Paths(sub, $"{path} {sub.Name}"))
            {
                yield return item;
            }
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
