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

    /// <summary>Opens the workspace the command line names (migrating and repairing it, as every open does).</summary>
    public VigilWorkspace Open(ParseResult parse) => WorkspaceOpener.Open(Location(parse));

    /// <summary>A monitor over the workspace the command line names.</summary>
    public VigilMonitor OpenMonitor(ParseResult parse, VigilMonitorOptions? options = null) =>
        WorkspaceOpener.OpenMonitor(Location(parse), options);
}
