using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary><c>vigil models</c> lists models and versions; <c>promote</c> and <c>rollback</c> change the champion atomically.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var optionalModel = new Option<string?>("--model", "-m") { Description = "Show every version of this model." };
        var command = new Command("models", "List models and their versions, or change the champion (promote, rollback).") { workspace.Workspace, workspace.Store, optionalModel };
        command.SetAction(parse =>
        {
            using var ws = workspace.OpenExisting(parse);
            var console = Terminal.For(parse.InvocationConfiguration.Output);
            var only = parse.GetValue(optionalModel);
            var models = only is null ? ws.Registry.ListModels() : [only];
            if (models.Count == 0)
            {
                console.MarkupLine($"No models in {Markup.Escape(ws.Location)} yet; train one with 'vigil train --model NAME ...'.");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("model").AddColumn("version").AddColumn("champion")
                .AddColumn("kind").AddColumn("learner").AddColumn("created (UTC)").AddColumn("by").AddColumn("metrics").AddColumn("reason");
            foreach (var model in models)
            {
                foreach (var v in ws.Registry.ListVersions(model))
                {
                    table.AddRow(Markup.Escape(model), v.Version.ToString(CultureInfo.InvariantCulture), v.IsChampion ? "[green bold]★[/]" : "",
                        Vigil.Monitoring.Models.ModelKinds.Name(v.Kind), Markup.Escape(v.Learner), v.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(v.CreatedBy),
                        Markup.Escape(string.Join(" ", v.Metrics.Take(3).Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key}={m.Value:0.###}")))),
                        Markup.Escape(Shorten(v.Reason)));
                }
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(Promote());
        command.Subcommands.Add(Rollback());
        command.Subcommands.Add(WatchCommand.Create());
        command.Subcommands.Add(EstimatorCommand.Create());
        command.Subcommands.Add(ShadowCommand.Create());
        return command;
    }

    private static Command Promote()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var version = new Option<int>("--version") { Description = "Version to make champion.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why (recorded).", DefaultValueFactory = _ => "manual promotion" };
        var command = new Command("promote", "Make a version the champion (atomic, recorded).") { workspace.Workspace, workspace.Store, model, version, reason };
        command.SetAction((parse, cancellation) =>
        {
            using var monitor = workspace.OpenExistingMonitor(parse);
            var name = parse.GetValue(model)!;
            var target = parse.GetValue(version);

            // Promoting the shadow: show how it compares with the champion on the same labelled rows first.
            if (monitor.Workspace.Registry.GetChampion(name) is not null && monitor.Shadow(name) is { } shadow && shadow.Version == target)
            {
                monitor.ScoreShadow(name, cancellationToken: cancellation);
                ShadowCommand.Show(Terminal.For(parse.InvocationConfiguration.Output), monitor.ShadowStatus(name)!);
            }

            var v = monitor.Workspace.Registry.Promote(name, target, parse.GetValue(reason)!, Environment.UserName);
            monitor.Shadow(name); // a shadow that became champion is a shadow no more
            parse.InvocationConfiguration.Output.WriteLine($"{v.Model}: version {v.Version} is now the champion.");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Rollback()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var reason = new Option<string>("--reason") { Description = "Why (recorded).", DefaultValueFactory = _ => "manual rollback" };
        var command = new Command("rollback", "Make the previous champion the champion again (atomic, recorded).") { workspace.Workspace, workspace.Store, model, reason };
        command.SetAction(parse =>
        {
            using var ws = workspace.OpenExisting(parse);
            var v = ws.Registry.Rollback(parse.GetValue(model)!, parse.GetValue(reason)!, Environment.UserName);
            parse.InvocationConfiguration.Output.WriteLine($"{v.Model}: rolled back; version {v.Version} is the champion.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
