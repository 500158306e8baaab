using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Outputs;
using Vigil.Data.Files;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>
/// <c>vigil export --model NAME [--labelled] [--rows N] [--since T] --out rows.csv|rows.parquet</c>: the logged rows
/// an outside pipeline needs to retrain a model Vigil cannot retrain itself (id, timestamp, the champion's features in
/// its schema's order, the label, prediction, score, model_version; see <see cref="LogExport"/>), oldest first.
/// Nothing is written when no row matches (exit 2).
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var labelled = new Option<bool>("--labelled") { Description = "Only rows whose label has arrived." };
        var rows = new Option<int?>("--rows", "-n") { Description = "Only the newest N matching rows (by prediction time)." };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Only rows predicted at or after this time (ISO 8601, e.g. 2026-11-01T00:00:00Z)." };
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "File to write, .csv or .parquet (by its extension).",
            Required = true,
        }.WritesTableFile();
        rows.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--rows must be at least 1.");
            }
        });
        var command = new Command("export", "Write a model's logged rows (features, label, prediction, score) to a CSV or Parquet file for an outside pipeline.")
        {
            workspace.Workspace, workspace.Store, model, labelled, rows, since, output,
        };
        command.SetAction(parse =>
        {
            using var monitor = workspace.OpenExistingMonitor(parse);
            var name = parse.GetValue(model)!;
            var profile = ModelTrainer.LoadProfile(monitor.Champion(name));
            var spec = new WindowSpec { From = parse.GetValue(since), Last = parse.GetValue(rows), LabelledOnly = parse.GetValue(labelled) };
            var logged = monitor.Workspace.Store.ReadWindow(name, spec);
            if (logged.Count == 0)
            {
                throw new WorkspaceInputException($"Model '{name}' has no logged {(spec.LabelledOnly ? "labelled " : "")}rows{Since(spec.From)}; nothing was written.");
            }

            var target = parse.GetValue(output)!.FullName;
            TableFile.Write(LogExport.ToTable(logged, profile), target);
            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{logged.Count} rows of {name} ({logged[0].Timestamp:u} to {logged[^1].Timestamp:u}) written to {target}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Since(DateTimeOffset? from) =>
        from is { } f ? string.Create(CultureInfo.InvariantCulture, $" since {f:u}") : "";
}
