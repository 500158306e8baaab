using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Outputs;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Monitoring.Checks;
using Vigil.Data.Text;
using Vigil.Replay;
using Vigil.Rendering;

namespace Vigil.Cli.Commands.Replay;

/// <summary>
/// <c>vigil replay --data stream.csv --label y [--strategy S ...]</c>: replays a time-ordered labelled file batch by
/// batch under several retraining strategies and compares how good each champion stays and what retraining cost.
/// Exit 0 on success, 2 on bad input.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data", "-d") { Description = "CSV or Parquet file with labelled rows in time order (oldest first; the replay cannot check the order).", Required = true };
        var label = new Option<string>("--label", "-l") { Description = "The label column (classification).", Required = true };
        var batch = new Option<int>("--batch") { Description = "Rows per batch (336 = one week of half-hours).", DefaultValueFactory = _ => 336 };
        var initial = new Option<int>("--initial") { Description = "Batches that train the first model.", DefaultValueFactory = _ => 4 };
        var window = new Option<int>("--window") { Description = "Newest labelled batches a retrain learns from.", DefaultValueFactory = _ => 4 };
        var strategy = new Option<string[]>("--strategy", "-s")
        {
            Description = "Strategies to compare: static, periodic:K, seed, vigil, vigil-perf (repeat or comma-separate; default all four with periodic:1).",
            AllowMultipleArgumentsPerToken = true,
        };
        var budget = new Option<double?>("--time-budget") { Description = "AutoML seconds per training; 0 = no limit (needs --max-trials). Default 10, or no limit when --max-trials is given." }.ChecksTimeBudget();
        var maxTrials = new Option<int?>("--max-trials") { Description = "AutoML trials per training; with no time limit the replay is reproducible." };
        var seed = new Option<int>("--seed") { Description = "Seed for AutoML, holdouts and bootstraps.", DefaultValueFactory = _ => 1 };
        var learners = new Option<string?>("--learners") { Description = "Comma-separated AutoML learners: lgbm, xt, rf, fasttree, linear, lgbm_linear (the default), and the opt-in lgbm_limitdepth." };
        var drop = new Option<string?>("--drop") { Description = "Comma-separated columns to drop first (e.g. a time index that should not be a feature)." };
        var hours = new Option<double>("--batch-hours") { Description = "Simulated hours one batch covers (the policy's cooldown and rate limit count in this time).", DefaultValueFactory = _ => 168 };
        var parallel = new Option<int>("--parallel") { Description = "Strategies replayed at the same time.", DefaultValueFactory = _ => 1 };
        var workdir = new Option<DirectoryInfo?>("--workdir") { Description = "Folder for the strategies' temporary workspaces (default: the system temp folder)." }.WritesFolder();
        var keep = new Option<bool>("--keep-workspaces") { Description = "Keep the strategies' workspaces (to inspect with 'vigil models' / 'vigil report')." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the figures and per-batch series as JSON." }.WritesFile();
        var html = new Option<FileInfo?>("--html") { Description = "Write a self-contained HTML page with the accuracy chart." }.WritesFile();
        var encoding = CsvInput.EncodingOption();
        var command = new Command("replay", "Replay a time-ordered labelled file batch by batch under several retraining strategies and compare them.")
        {
            data, label, batch, initial, window, strategy, budget, maxTrials, seed, learners, drop, hours, parallel, workdir, keep, json, html, encoding,
        };
        command.SetAction((parse, cancellation) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var trials = parse.GetValue(maxTrials);
            var seconds = parse.GetValue(budget) ?? (trials is null ? 10 : 0);
            if (seconds < 0 || (seconds == 0 && trials is null))
            {
                error.WriteLine("error: --time-budget must be positive, or 0 (no limit) together with --max-trials.");
                return Task.FromResult(ExitCodes.UsageOrInput);
            }

            var strategies = ReplayStrategies.ParseAll(parse.GetValue(strategy));
            var file = parse.GetValue(data)!;
            var table = TableFile.Read(file.FullName, new CsvReadOptions { Encoding = CsvInput.Encoding(parse, encoding) });
            var gate = new object();
            var options = new ReplayOptions
            {
                Label = parse.GetValue(label)!,
                BatchSize = parse.GetValue(batch),
                InitialBatches = parse.GetValue(initial),
                WindowBatches = parse.GetValue(window),
                BatchDuration = TimeSpan.FromHours(parse.GetValue(hours)),
                TimeBudget = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
                MaxTrials = trials,
                Seed = parse.GetValue(seed),
                Learners = List(parse.GetValue(learners)),
                DropColumns = List(parse.GetValue(drop)) ?? [],
                MaxParallelStrategies = parse.GetValue(parallel),
                WorkFolder = parse.GetValue(workdir)?.FullName,
                KeepWorkspaces = parse.GetValue(keep),
                Progress = p =>
                {
                    // About 20 lines per strategy, whatever the stream's length.
                    if (p.BatchesDone % Math.Max(1, p.BatchCount / 20) == 0 || p.BatchesDone == p.BatchCount)
                    {
                        lock (gate)
                        {
                            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                $"  [{p.Strategy}] batch {p.BatchesDone}/{p.BatchCount} · mean accuracy {p.MeanAccuracy:0.0000} · retrains {p.Retrains} · promotions {p.Promotions}"));
                        }
                    }
                },
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Replaying {file.Name} ({table.RowCount:#,0} rows) under {string.Join(", ", strategies.Select(s => s.Name))}; training the first model on {options.InitialBatches} × {options.BatchSize} rows..."));
            var result = ReplayRunner.Run(table, strategies, options, file.Name, cancellation);
            ReplayView.Render(Terminal.For(output), result);
            if (parse.GetValue(json) is { } jsonFile)
            {
                AtomicFile.WriteAllText(jsonFile.FullName, MonitoringJson.Serialize(result));
                output.WriteLine($"JSON: {jsonFile.FullName}");
            }

            if (parse.GetValue(html) is { } htmlFile)
            {
                AtomicFile.WriteAllText(htmlFile.FullName, ReplayHtml.Render(result));
                output.WriteLine($"HTML: {htmlFile.FullName}");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static string[]? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } items ? items : null;
}
