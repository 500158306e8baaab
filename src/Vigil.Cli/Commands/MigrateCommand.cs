using System.CommandLine;
using System.Globalization;
using Vigil.Stores;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil migrate [--store LOCATION | --workspace DIR]</c>: applies the pending schema migrations of a workspace
/// (SQLite or PostgreSQL) and prints the versions before and after. Every command migrates when it opens a
/// workspace; this one lets an operator do it deliberately, e.g. before starting new service nodes.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var workspace = Monitoring.WorkspaceOption.Create();
        var command = new Command("migrate", "Apply pending schema migrations to a workspace (SQLite or PostgreSQL) and print the versions.")
        {
            workspace.Workspace, workspace.Store,
        };
        command.SetAction(parse =>
        {
            var location = workspace.Location(parse);
            var upgrade = WorkspaceOpener.Migrate(location);
            parse.InvocationConfiguration.Output.WriteLine(upgrade.Changed
                ? string.Create(CultureInfo.InvariantCulture, $"{upgrade.Store}: schema version {upgrade.From} -> {upgrade.To} ({upgrade.To - upgrade.From} migration{(upgrade.To - upgrade.From == 1 ? "" : "s")} applied).")
                : string.Create(CultureInfo.InvariantCulture, $"{upgrade.Store}: schema version {upgrade.To}, up to date."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
