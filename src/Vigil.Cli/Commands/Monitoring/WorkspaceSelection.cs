using System.CommandLine;
using Vigil.Cli.Outputs;
using Vigil.Monitoring;
using Vigil.Monitoring.Workspace;
using Vigil.Stores;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>
/// A command's <c>--workspace DIR</c> and <c>--store LOCATION</c>. <c>--workspace DIR</c> means <c>--store sqlite:DIR</c>;
/// giving both is refused. Without either, <c>Vigil__Store</c> from the environment is used, else <c>sqlite:.vigil</c>.
/// </summary>
internal sealed class WorkspaceSelection(Option<DirectoryInfo> workspace, Option<string?> store)
{
    /// <summary>The environment variable that selects the store when no option does (as for the service).</summary>
    public const string StoreVariable = "Vigil__Store";

    public Option<DirectoryInfo> Workspace { get; } = workspace;

    public Option<string?> Store { get; } = store;

    /// <summary>
    /// The location the command line names. Throws <see cref="WorkspaceInputException"/> (one line, exit 2) for both
    /// options at once or a store that is neither SQLite nor PostgreSQL, before anything is opened.
    /// </summary>
    public WorkspaceLocation Location(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var folderGiven = parse.GetResult(Workspace) is { Implicit: false };
        var given = parse.GetValue(Store);
        if (folderGiven && given is not null)
        {
            throw new WorkspaceInputException("Give --workspace DIR or --store LOCATION, not both (--workspace DIR is --store sqlite:DIR).");
        }

        if (given is not null)
        {
            var location = WorkspaceLocation.Parse(given, "--store");
            if (location.Folder is { } folder && OutputTarget.FolderProblem(folder) is { } problem)
            {
                throw new WorkspaceInputException($"--store: {problem}.");
            }

            return location;
        }

        if (!folderGiven && Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } fromEnvironment)
        {
            return WorkspaceLocation.Parse(fromEnvironment, StoreVariable);
        }

        return WorkspaceLocation.Sqlite(parse.GetValue(Workspace)!.FullName);
    }

    // Two names on purpose: a command that only reads or adds to a model's history opens an EXISTING workspace, so a
    // mistyped --workspace (or running in the wrong folder) is an error rather than a new empty workspace left behind.
    // Only commands that bring a model in (train --model, register) may create one.

    /// <summary>Opens the workspace the command line names, creating it when missing (migrating and repairing it, as every open does).</summary>
    public VigilWorkspace OpenOrCreate(ParseResult parse) => WorkspaceOpener.Open(Location(parse));

    /// <summary>A monitor over the workspace the command line names, creating it when missing.</summary>
    public VigilMonitor OpenOrCreateMonitor(ParseResult parse, VigilMonitorOptions? options = null) =>
        WorkspaceOpener.OpenMonitor(Location(parse), options);

    /// <summary>Opens the workspace the command line names; a SQLite folder without <c>vigil.db</c> is refused and left untouched.</summary>
    /// <exception cref="WorkspaceInputException">There is no workspace there.</exception>
    public VigilWorkspace OpenExisting(ParseResult parse) => WorkspaceOpener.Open(Existing(parse));

    /// <summary>A monitor over the existing workspace the command line names (see <see cref="OpenExisting"/>).</summary>
    public VigilMonitor OpenExistingMonitor(ParseResult parse, VigilMonitorOptions? options = null) =>
        WorkspaceOpener.OpenMonitor(Existing(parse), options);

    /// <summary>The location, when it holds a workspace. A PostgreSQL database is taken as it is: it must exist to be reached.</summary>
    public WorkspaceLocation Existing(ParseResult parse)
    {
        var location = Location(parse);
        if (location.Folder is { } folder && !File.Exists(Path.Combine(folder, VigilWorkspace.DatabaseFileName)))
        {
            throw new WorkspaceInputException(
                $"No workspace at {folder} (no {VigilWorkspace.DatabaseFileName} there): give its folder with --workspace DIR, or create one with 'vigil train --model NAME' or 'vigil register'.");
        }

        return location;
    }
}
