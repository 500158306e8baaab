using System.CommandLine;
using Vigil.Cli.Outputs;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>The options every workspace command shares.</summary>
internal static class WorkspaceOption
{
    /// <summary><c>--workspace DIR</c> and <c>--store LOCATION</c>: where the workspace lives (add both to the command).</summary>
    public static WorkspaceSelection Create() => new(
        new Option<DirectoryInfo>("--workspace", "-w")
        {
            Description = "Workspace folder (SQLite history and model versions); the same as --store sqlite:DIR.",
            DefaultValueFactory = _ => new DirectoryInfo(VigilWorkspace.DefaultFolder),
        }.WritesFolder(),
        new Option<string?>("--store")
        {
            Description = "Where the workspace lives: sqlite:DIR (default sqlite:.vigil) or a PostgreSQL connection string " +
                "(Host=…;Port=…;Database=…;Username=… or postgresql://user@host:port/database). Also Vigil__Store.",
        });

    public static Option<string> Model() => new("--model", "-m") { Description = "Model name in the workspace.", Required = true };

    /// <summary><c>--watch accuracy:0.05,recall:0.10</c>: the model's watched metrics (stored with the model).</summary>
    public static Option<string?> Watch(string what) => new("--watch")
    {
        Description = what + " Comma-separated metric[:allowed relative drop], e.g. accuracy:0.05,recall:10% (a metric without a drop allows 5 %). " +
            "Stored with the model: later checks, retrains and the service use it until it is changed (vigil models watch).",
    };
}
