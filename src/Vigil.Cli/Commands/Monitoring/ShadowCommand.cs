using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Outputs;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Shadows;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>
/// <c>vigil models shadow --model M [--version N | --off | --promote]</c>: runs a version beside the champion on every
/// logged row (the service scores them in the background; this command catches up first), shows champion vs shadow on
/// the same labelled rows with the paired interval, and promotes the shadow when that test says it is better.
/// </summary>
internal static class ShadowCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var version = new Option<int?>("--version") { Description = "Make this version the shadow: it scores every row logged from now on beside the champion." };
        var off = new Option<bool>("--off") { Description = "Stop the shadow (its stored scores stay)." };
        var promote = new Option<bool>("--promote") { Description = "Promote the shadow when the paired test says it is better on enough labelled rows (exit 2 with the figures otherwise)." };
        var reason = new Option<string>("--reason") { Description = "Why (recorded).", DefaultValueFactory = _ => "shadow set from the command line" };
        var json = new Option<FileInfo?>("--json") { Description = "Write the shadow's status (and comparison) as JSON." }.WritesFile();
        var command = new Command("shadow", "Run a version as the model's shadow, compare it with the champion on the same labelled rows, promote it.")
        {
            workspace.Workspace, workspace.Store, model, version, off, promote, reason, json,
        };
        command.Validators.Add(result =>
        {
            var chosen = (result.GetValue(version) is not null ? 1 : 0) + (result.GetValue(off) ? 1 : 0) + (result.GetValue(promote) ? 1 : 0);
            if (chosen > 1)
            {
                result.AddError("Give at most one of --version N, --off and --promote.");
            }
        });
        command.SetAction((parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var console = Terminal.For(output);
            using var monitor = workspace.OpenExistingMonitor(parse);
            var name = parse.GetValue(model)!;
            ShadowStatus? status;
            if (parse.GetValue(off))
            {
                var had = monitor.Shadow(name);
                monitor.ClearShadow(name);
                output.WriteLine(had is null ? $"{name}: no shadow was running." : $"{name}: shadow version {had.Version} stopped.");
                return Task.FromResult(ExitCodes.Ok);
            }

            if (parse.GetValue(version) is { } v)
            {
                var set = monitor.SetShadow(name, v, Environment.UserName, parse.GetValue(reason)!);
                var champion = monitor.Champion(name);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: version {set.Version} ({Vigil.Monitoring.Models.ModelKinds.Name(monitor.Workspace.Registry.GetVersion(name, set.Version).Kind)}) shadows champion version {champion.Version}; it scores every row logged from now on (the service does it in the background)."));
                status = monitor.ShadowStatus(name);
            }
            else
            {
                monitor.ScoreShadow(name, cancellationToken: cancellation); // catch up with the log first
                if (parse.GetValue(promote))
                {
                    var (promoted, before) = monitor.PromoteShadow(name, Environment.UserName);
                    Show(console, before);
                    console.MarkupLine($"[green bold]Promoted v{promoted.Version}[/]: it is now the champion of {Markup.Escape(name)}; the shadow is cleared.");
                    Write(parse.GetValue(json), before);
                    return Task.FromResult(ExitCodes.Ok);
                }

                status = monitor.ShadowStatus(name);
                if (status is null)
                {
                    output.WriteLine($"{name}: no shadow. Set one with 'vigil models shadow --model {name} --version N'.");
                    return Task.FromResult(ExitCodes.Ok);
                }
            }

            Show(console, status!);
            Write(parse.GetValue(json), status);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    /// <summary>Champion vs shadow: rows scored, the metric of each on the same labelled rows, the paired interval, the verdict.</summary>
    public static void Show(IAnsiConsole console, ShadowStatus s)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine(Markup.Escape(string.Create(inv,
            $"{s.Model}: shadow v{s.ShadowVersion} ({s.ShadowKind}) beside champion v{s.ChampionVersion} ({s.ChampionKind}); {s.ScoredRows:N0} logged rows scored ({s.UnscoredRows:N0} could not be), {s.BacklogRows:N0} waiting.")));
        if (s.Comparison is { } c)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("")
                .AddColumn(new TableColumn($"champion v{s.ChampionVersion}").RightAligned()).AddColumn(new TableColumn($"shadow v{s.ShadowVersion}").RightAligned())
                .AddColumn(new TableColumn("shadow − champion").RightAligned()).AddColumn(new TableColumn(string.Create(inv, $"{c.Confidence:P0} paired interval")).RightAligned());
            table.AddRow(c.Metric, F(c.ChampionScore), F(c.ChallengerScore), Signed(c.Improvement), Markup.Escape($"[{Signed(c.ImprovementLower)}, {Signed(c.ImprovementUpper)}]"));
            console.MarkupLine(Markup.Escape(string.Create(inv,
                $"Same {s.LabelledRows:N0} labelled rows (champion {(s.ChampionOutputs == "logged" ? "by its logged predictions" : "scored by itself")}; {(c.HigherIsBetter ? "higher" : "lower")} {c.Metric} is better, the difference is signed so positive favours the shadow):")));
            console.Write(table);
        }

        console.MarkupLine((s.Promotable ? "[green bold]Promotable[/]: " : "[yellow bold]Not promotable[/]: ") + Markup.Escape(s.Verdict));
    }

    private static void Write(FileInfo? file, ShadowStatus? status)
    {
        if (file is not null && status is not null)
        {
            Vigil.Data.Text.AtomicFile.WriteAllText(file.FullName, MonitoringJson.Serialize(status));
        }
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Signed(double v) => double.IsNaN(v) ? "-" : v.ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture);
}
