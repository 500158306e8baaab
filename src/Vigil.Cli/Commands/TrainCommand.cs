using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.AutoML;
using Vigil.Cli.Outputs;
using Vigil.AutoML.Metrics;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Monitoring;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil train --data train.csv --label y [--task auto] [--metric M] [--time-budget 30] [--max-trials N] [--seed 1] [--early-stopping] --out model/</c>:
/// FLAML-style AutoML; shows live progress, then the best per learner, and writes the model bundle.
/// AutoML trains on 80 % of the rows and the other 20 % (never trained on) give the baseline metrics and feature
/// importance saved with the reference profile. <c>--out</c> writes the bundle with that profile (profile.json) and the
/// training rows (training.csv), so the folder can be registered later (zipped and uploaded to the service);
/// <c>--model NAME</c> registers it in the workspace (<c>--workspace</c>, default .vigil), where the model's first
/// version becomes its champion.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<FileInfo>("--data", "-d") { Description = "Training data: a .csv or .parquet file.", Required = true };
        var label = new Option<string>("--label", "-l") { Description = "Label column.", Required = true };
        var task = new Option<string>("--task") { Description = "auto, binary, multiclass or regression.", DefaultValueFactory = _ => "auto" };
        task.AcceptOnlyFromAmong("auto", "binary", "multiclass", "regression");
        var metric = new Option<string>("--metric") { Description = "Metric to optimise (auto = roc_auc / log_loss / r2 by task).", DefaultValueFactory = _ => "auto" };
        metric.AcceptOnlyFromAmong(AutoMLCommandSupport.MetricNames);
        var budget = new Option<double>("--time-budget") { Description = "Seconds for the whole fit including the final refit; 0 = no limit (needs --max-trials).", DefaultValueFactory = _ => 30 }.ChecksTimeBudget();
        var maxTrials = new Option<int?>("--max-trials") { Description = "Stop after this many trials." };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var learners = new Option<string?>("--learners") { Description = "Comma-separated learners: lgbm, xt, rf, fasttree, linear, lgbm_linear (the default), and the opt-in lgbm_limitdepth." };
        var earlyStopping = new Option<bool>("--early-stopping") { Description = "Stop LightGBM trials of 100+ rounds once their validation loss stalls; the refit trains the rounds kept (off by default, see docs/automl.md)." };
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Folder to write the model bundle to (with profile.json and training.csv, ready to register or upload)." }.WritesFolder();
        var model = new Option<string?>("--model", "-m") { Description = "Register the model under this name in the workspace (baseline on a 20 % holdout)." };
        var holdoutRows = new Option<string>("--holdout-rows")
        {
            Description = "Which 20 % of the rows measure the baseline and fit the performance estimator: sample (default, stratified) or newest (the file's last rows: for time-ordered data, the period closest to production).",
            DefaultValueFactory = _ => "sample",
        }.AcceptOnlyFromAmong("sample", "newest");
        var workspace = Monitoring.WorkspaceOption.Create();
        var encoding = CsvInput.EncodingOption();
        var watch = Monitoring.WorkspaceOption.Watch("With --model: the model's watched metrics (default by task: accuracy, roc_auc, precision, recall; log_loss, accuracy; rmse, mae, r2).");

        var command = new Command("train", "Search learners and hyperparameters within a time budget (FLAML-style AutoML) and save the best model.")
        {
            data, label, task, metric, budget, maxTrials, seed, learners, earlyStopping, holdoutRows, output, model, workspace.Workspace, workspace.Store, watch, encoding,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(output) is null && result.GetValue(model) is null)
            {
                result.AddError("Give --out FOLDER to save the bundle, --model NAME to register it in the workspace, or both.");
            }

            if (result.GetValue(watch) is not null && result.GetValue(model) is null)
            {
                result.AddError("--watch belongs to a registered model: give --model NAME too.");
            }
        });

        command.SetAction((parse, cancellation) => Task.FromResult(AutoMLCommandSupport.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var seconds = parse.GetValue(budget);
            if (seconds < 0)
            {
                throw new AutoMLException(AutoMLErrorCode.InvalidOptions, "--time-budget must be 0 (no limit) or positive.");
            }

            var watched = parse.GetValue(watch) is { } spec ? Vigil.Monitoring.Checks.WatchedMetrics.Parse(spec) : null;
            var located = TableFile.ReadLocated(parse.GetValue(data)!.FullName, new CsvReadOptions { Encoding = CsvInput.Encoding(parse, encoding) });
            LabelCheck.RequireLabels(located, parse.GetValue(label)!);
            var table = located.Table;
            var console = Terminal.For(parse.InvocationConfiguration.Output);
            var options = new AutoMLOptions
            {
                Label = parse.GetValue(label)!,
                Task = AutoMLCommandSupport.ParseTask(parse.GetValue(task)!),
                Metric = AutoMLCommandSupport.ParseMetric(parse.GetValue(metric)!),
                TimeBudget = seconds > 0 ? TimeSpan.FromSeconds(seconds) : null,
                MaxTrials = parse.GetValue(maxTrials),
                Seed = parse.GetValue(seed),
                Learners = parse.GetValue(learners)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                EarlyStopping = parse.GetValue(earlyStopping),
            };
            var name = parse.GetValue(model);
            var target = parse.GetValue(output)?.FullName;
            var request = new TrainRequest
            {
                Label = options.Label, Task = options.Task, Metric = options.Metric, TimeBudget = options.TimeBudget, MaxTrials = options.MaxTrials,
                Seed = options.Seed, Learners = options.Learners, EarlyStopping = options.EarlyStopping, CreatedBy = "vigil train", Reason = "trained with vigil train",
                Watch = watched,
                HoldoutIsLatest = parse.GetValue(holdoutRows) == "newest",
            };
            if (name is null)
            {
                // The same holdout, baseline and profile as a registered version, written into the bundle so that it
                // can be registered later (zipped and uploaded, or placed in the workspace).
                TrainedBundle? written = null;
                Fit(console, options, progress => written = ModelTrainer.TrainBundle(table, request with { Progress = progress }, target!, cancellation));
                Summary(console, written!.Search, target!);
                console.WriteLine(BaselineLine(written.Profile) + "; profile.json and training.csv are in the bundle, ready to register");
                return ExitCodes.Ok;
            }

            using var monitor = workspace.OpenOrCreateMonitor(parse);
            TrainedVersion? trained = null;
            Fit(console, options, progress => trained = monitor.Train(name, table, request with { Progress = progress }, cancellation));
            if (target is not null)
            {
                ModelTrainer.SaveBundle(trained!.Search, trained.Profile, table, request, target, trained.Estimator);
            }

            Summary(console, trained!.Search, target ?? trained.Version.BundleFolder);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"registered {name} v{trained.Version.Version}{(trained.Version.IsChampion ? " (champion)" : "")} in {monitor.Workspace.Location}; {BaselineLine(trained.Profile)}"));
            if (trained.Version.IsChampion || watched is not null)
            {
                var effective = monitor.Watched(name);
                console.WriteLine($"watched metrics: {effective.Metrics} ({WatchSourceText(effective.Source)}); an alarm when any is confidently down by more than its allowed drop");
            }
            return ExitCodes.Ok;
        })));
        return command;
    }

    internal static string WatchSourceText(Vigil.Monitoring.Checks.WatchSource source) => source switch
    {
        Vigil.Monitoring.Checks.WatchSource.Model => "set for this model",
        Vigil.Monitoring.Checks.WatchSource.Configuration => "configured for this model",
        Vigil.Monitoring.Checks.WatchSource.ConfiguredDefault => "configured default",
        _ => "the task's default",
    };

    private static string BaselineLine(Vigil.Monitoring.Profiles.ReferenceProfile profile)
    {
        var baseline = profile.Baseline!;
        var metrics = string.Join(", ", baseline.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}")));
        return string.Create(CultureInfo.InvariantCulture, $"baseline on {baseline.Rows} held-out rows: {metrics}");
    }

    // Runs a fit with live progress: a spinner line on a terminal, one line a second when output is redirected.
    private static void Fit(IAnsiConsole console, AutoMLOptions options, Action<Action<AutoMLProgress>> run)
    {
        _ = options;
        var last = DateTime.MinValue;
        if (console.Profile.Capabilities.Interactive)
        {
            console.Status().Start("starting…", ctx => run(p => ctx.Status(Markup.Escape(Describe(p)))));
            return;
        }

        // Redirected output: one line per second at most, so logs stay readable.
        run(p =>
        {
            var now = DateTime.UtcNow;
            if ((now - last).TotalSeconds >= 1)
            {
                last = now;
                console.WriteLine(Describe(p));
            }
        });
    }

    private static string Describe(AutoMLProgress p) => string.Create(
        CultureInfo.InvariantCulture,
        $"trial {p.TrialsCompleted,4} | best {p.BestLearner ?? "-"} loss {p.BestLoss:F5} | elapsed {p.Elapsed.TotalSeconds:F1} s{(p.Remaining is { } r ? $" | {r.TotalSeconds:F1} s left" : "")}");

    private static void Summary(IAnsiConsole console, AutoMLResult result, string target)
    {
        var metric = MetricEvaluator.Name(result.Metric);
        var table = new Spectre.Console.Table().AddColumns("learner", "trials", "best loss", $"best {metric}", "time (s)", "");
        foreach (var s in result.BestPerLearner.OrderBy(s => s.BestLoss))
        {
            var score = double.IsPositiveInfinity(s.BestLoss) ? "-" : (MetricEvaluator.HigherIsBetter(result.Metric) ? 1 - s.BestLoss : s.BestLoss).ToString("F5", CultureInfo.InvariantCulture);
            table.AddRow(
                s.Learner,
                s.Trials.ToString(CultureInfo.InvariantCulture),
                double.IsPositiveInfinity(s.BestLoss) ? "-" : s.BestLoss.ToString("F5", CultureInfo.InvariantCulture),
                score,
                s.TimeSpent.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture),
                s.Learner == result.BestLearner ? "best" : "");
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Task} task, {result.ValidationMethod} validation, {result.Trials.Count} trials in {result.Elapsed.TotalSeconds:F1} s; best {result.BestLearner} with validation {metric} {result.BestScore:F5}."));
        console.WriteLine("config: " + string.Join(", ", result.BestConfig.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value:G6}"))));
        if (result.Members.Count > 1)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"final model: blend of {string.Join(" + ", result.Members.Select(m => $"{m.Weight:0.##}×{m.Learner}"))}, validation loss {result.FinalValidationLoss:F5}"));
        }
        foreach (var warning in result.Warnings)
        {
            console.WriteLine("note: " + warning);
        }

        console.WriteLine($"Model written to {target}");
    }
}
