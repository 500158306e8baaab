using System.CommandLine;
using Vigil.Cli.Outputs;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>
/// <c>vigil check --model NAME --data window.csv|window.parquet</c>: drift, data quality and (when the label column is present)
/// performance of a window against the champion, saved to the history with the retrain policy's decision.
/// Exit code 0 healthy or warning, 1 alarm, 2 usage or input error.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var data = new Option<FileInfo>("--data", "-d") { Description = "CSV or Parquet file with the window's rows (features, and the label column when outcomes are known).", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the full result (drift, quality, performance, decision) as JSON." }.WritesFile();
        var encoding = CsvInput.EncodingOption();
        var start = new Option<DateTimeOffset?>("--window-start") { Description = "Start of the window (ISO 8601), for the history; default now." };
        var end = new Option<DateTimeOffset?>("--window-end") { Description = "End of the window (ISO 8601), for the history; default now." };
        var watch = WorkspaceOption.Watch("Set the model's watched metrics (any of them confidently degraded is an alarm) before this check.");
        var command = new Command("check", "Check a window of rows against the champion: drift, data quality, performance; records the result and the retrain decision.")
        {
            workspace.Workspace, workspace.Store, model, data, json, start, end, watch, encoding,
        };
        command.SetAction((parse, cancellation) =>
        {
            using var monitor = workspace.OpenExistingMonitor(parse);
            var name = parse.GetValue(model)!;
            var profile = ModelTrainer.LoadProfile(monitor.Champion(name));
            var path = parse.GetValue(data)!.FullName;
            // The list is read first and stored only once the window has been read, so bad input changes nothing.
            var watched = parse.GetValue(watch) is { } spec ? WatchedMetrics.Parse(spec) : null;
            var window = WindowReader.Read(path, profile, CsvInput.Encoding(parse, encoding));
            if (watched is not null)
            {
                var set = monitor.SetWatched(name, watched, "vigil check");
                parse.InvocationConfiguration.Output.WriteLine($"Watched metrics of {name} set to {set.Metrics} (stored with the model).");
            }

            var outcome = monitor.Check(name, window, new CheckRequest { WindowStart = parse.GetValue(start), WindowEnd = parse.GetValue(end), Trigger = "cli" }, cancellation);
            CheckConsoleView.Render(outcome, parse.InvocationConfiguration.Output, Path.GetFileName(path));
            if (parse.GetValue(json) is { } file)
            {
                Vigil.Data.Text.AtomicFile.WriteAllText(file.FullName, MonitoringJson.Serialize(new { check_id = outcome.CheckId, result = outcome.Result, decision = outcome.Decision }));
                parse.InvocationConfiguration.Output.WriteLine($"JSON written to {file.FullName}");
            }

            return Task.FromResult(outcome.Result.Status == MonitoringStatus.Alarm ? ExitCodes.Alarm : ExitCodes.Ok);
        });
        return command;
    }
}
