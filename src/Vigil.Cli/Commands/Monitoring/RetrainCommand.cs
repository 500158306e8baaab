using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Outputs;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>
/// <c>vigil retrain --model NAME --data new.csv [--force]</c>: checks the new labelled rows, asks the retrain policy,
/// and (when it says so, or with --force) retrains with AutoML warm-started from the champion, then promotes the
/// challenger only if it beats the champion on the newest rows. Exit 0 whatever the verdict, 2 on bad input.
/// </summary>
internal static class RetrainCommand
{
    public static Command Create()
    {
        var workspace = WorkspaceOption.Create();
        var model = WorkspaceOption.Model();
        var data = new Option<FileInfo>("--data", "-d") { Description = "CSV or Parquet file with recent labelled rows, oldest first.", Required = true };
        var force = new Option<bool>("--force") { Description = "Retrain even when the policy does not ask for it." };
        var include = new Option<bool>("--include-training-data") { Description = "Also train on the champion's kept training data." };
        var budget = new Option<double>("--time-budget") { Description = "AutoML seconds for the challenger; 0 = no limit (needs --max-trials).", DefaultValueFactory = _ => 30 }.ChecksTimeBudget();
        var maxTrials = new Option<int?>("--max-trials") { Description = "Stop AutoML after this many trials." };
        var seed = new Option<int>("--seed") { Description = "Random seed (holdout bootstrap and AutoML).", DefaultValueFactory = _ => 1 };
        var margin = new Option<double>("--margin") { Description = "Improvement the challenger must show (metric units) before it is promoted.", DefaultValueFactory = _ => 0 };
        var json = new Option<FileInfo?>("--json") { Description = "Write the outcome as JSON." }.WritesFile();
        var encoding = CsvInput.EncodingOption();
        budget.Validators.Add(r =>
        {
            var seconds = r.GetValueOrDefault<double>();
            if (seconds < 0 || (seconds == 0 && r.Parent?.GetResult(maxTrials) is null))
            {
                r.AddError("--time-budget must be positive, or 0 (no limit) together with --max-trials.");
            }
        });
        var command = new Command("retrain", "Retrain a model on new labelled rows and promote the challenger only if it is better on fresh data.")
        {
            workspace.Workspace, workspace.Store, model, data, force, include, budget, maxTrials, seed, margin, json, encoding,
        };
        command.SetAction((parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var console = Terminal.For(output);
            using var monitor = workspace.OpenExistingMonitor(parse);
            var name = parse.GetValue(model)!;
            var profile = ModelTrainer.LoadProfile(monitor.Champion(name));
            var rows = WindowReader.Read(parse.GetValue(data)!.FullName, profile, CsvInput.Encoding(parse, encoding));
            if (profile.Label is { } labelName && !rows.Contains(labelName))
            {
                // Said before the policy's check is recorded: a retrain without labels cannot run.
                throw new WorkspaceInputException($"{parse.GetValue(data)!.FullName} has no label column '{labelName}'; retraining needs labelled rows.");
            }
            if (!parse.GetValue(force))
            {
                var check = monitor.Check(name, rows, new CheckRequest { Trigger = "cli" }, cancellation);
                CheckConsoleView.Render(check, output, parse.GetValue(data)!.Name);
                if (!check.Decision.Retrain)
                {
                    console.MarkupLine("[green]No retrain:[/] the policy found no reason (use --force to retrain anyway).");
                    return Task.FromResult(ExitCodes.Ok);
                }
            }

            var seconds = parse.GetValue(budget);
            var trials = 0;
            var outcome = monitor.Retrain(name, new RetrainRequest
            {
                Data = rows,
                IncludeTrainingData = parse.GetValue(include),
                TimeBudget = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
                MaxTrials = parse.GetValue(maxTrials),
                Seed = parse.GetValue(seed),
                PromotionMargin = parse.GetValue(margin),
                CreatedBy = "vigil retrain",
                Reason = parse.GetValue(force) ? "forced retrain" : "retrain policy",
                Progress = p =>
                {
                    if (++trials % 5 == 1)
                    {
                        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  trial {p.TrialsCompleted}: best {p.BestLearner} loss {p.BestLoss:G4}"));
                    }
                },
            }, cancellation);
            Show(console, outcome);
            if (parse.GetValue(json) is { } file)
            {
                Vigil.Data.Text.AtomicFile.WriteAllText(file.FullName, MonitoringJson.Serialize(outcome));
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    public static void Show(IAnsiConsole console, RetrainOutcome outcome)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("").AddColumn(new TableColumn($"champion v{outcome.ChampionVersion}").RightAligned())
            .AddColumn(new TableColumn($"challenger v{outcome.ChallengerVersion}").RightAligned());
        foreach (var name in outcome.ChampionMetrics.Keys)
        {
            table.AddRow(name == outcome.Metric ? $"[bold]{name}[/]" : name, F(outcome.ChampionMetrics[name]), F(outcome.ChallengerMetrics.GetValueOrDefault(name, double.NaN)));
        }

        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Champion vs challenger on {outcome.HoldoutRows:N0} fresh rows (challenger: {Markup.Escape(outcome.Learner)}, trained on {outcome.TrainingRows:N0} rows in {outcome.TrainingSeconds:F1} s):"));
        console.Write(table);
        console.MarkupLine(outcome.Promoted ? $"[green bold]Promoted v{outcome.ChallengerVersion}[/]: {Markup.Escape(outcome.Reason)}" : $"[yellow bold]Kept v{outcome.ChampionVersion}[/]: {Markup.Escape(outcome.Reason)}");
    }

    private static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("0.0000", CultureInfo.InvariantCulture);
}
