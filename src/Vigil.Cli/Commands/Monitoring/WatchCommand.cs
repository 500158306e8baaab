using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>
/// <c>vigil models watch --model NAME [--set LIST | --reset]</c>: shows a model's watched metrics (any of them
/// confidently degraded is an alarm) and where they come from, or sets / resets them in the workspace.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var set = new Option<string?>("--set") { Description = "New watched metrics, e.g. accuracy:0.05,recall:10% (a metric without a drop allows 5 %)." };
        var reset = new Option<bool>("--reset") { Description = "Forget the model's own setting: the configured or task default applies again." };
        var command = new Command("watch", "Show or change a model's watched metrics: confident degradation of any of them raises the alarm.")
        {
            workspace.Workspace, workspace.Store, model, set, reset,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(set) is not null && result.GetValue(reset))
            {
                result.AddError("Give --set LIST or --reset, not both.");
            }
        });
        command.SetAction(parse =>
        {
            using var monitor = workspace.OpenExistingMonitor(parse);
            var name = parse.GetValue(model)!;
            var spec = parse.GetValue(set);
            var effective = spec is not null ? monitor.SetWatched(name, WatchedMetrics.Parse(spec), Environment.UserName)
                : parse.GetValue(reset) ? monitor.ResetWatched(name)
                : monitor.Watched(name);
            Render(Terminal.For(parse.InvocationConfiguration.Output), effective);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, EffectiveWatch w)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("metric").AddColumn(new TableColumn("allowed relative drop").RightAligned()).AddColumn("direction");
        foreach (var m in w.Metrics.Metrics)
        {
            table.AddRow(m.Name, (m.MaxRelativeDrop ?? w.DefaultRelativeDrop).ToString("0.##%", CultureInfo.InvariantCulture) + (m.MaxRelativeDrop is null ? " (default)" : ""),
                TaskMetrics.HigherIsBetter(m.Name) ? "alarm when it falls" : "alarm when it rises");
        }

        var origin = TrainCommand.WatchSourceText(w.Source) + (w.SetAt is { } at ? $", set {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by {w.SetBy}" : "");
        console.MarkupLine($"[bold]{Markup.Escape(w.Model)}[/] ({w.Task.ToString().ToLowerInvariant()}) watches {w.Metrics.Metrics.Count} metric(s), {Markup.Escape(origin)}:");
        console.Write(table);
        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Intervals are simultaneous at {w.Level:0.##%}: each metric's at {w.IntervalLevel * 100:0.###}% (Bonferroni over {w.Metrics.Metrics.Count}).")));
    }
}
