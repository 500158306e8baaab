using System.CommandLine;
using Vigil.Cli.Outputs;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>The options every workspace command shares.</summary>
internal static class WorkspaceOption
{
    public static Option<DirectoryInfo> Create() => new Option<DirectoryInfo>("--workspace", "-w")
    {
        Description = "Workspace folder (SQLite history and model versions).",
        DefaultValueFactory = _ => new DirectoryInfo(VigilWorkspace.DefaultFolder),
    }.WritesFolder();

    public static Option<string> Model() => new("--model", "-m") { Description = "Model name in the workspace.", Required = true };
}
