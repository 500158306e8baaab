using System.Globalization;
using Spectre.Console;
using Vigil.AutoML;
using Vigil.Data.Synthetic;
using Table = Vigil.Data.Tables.Table;
using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Data.Text;
using Vigil.Monitoring.Reporting;
using Vigil.Rendering;
using Vigil.Cli.Commands.Monitoring;

namespace Vigil.Cli.Commands.Demo;

/// <summary>
/// The seed tutorial's story on generated data, end to end: baseline with AutoML, drift checks on calm and shifted
/// data, five weekly evaluations as the world drifts, the retrain policy's decision, a champion/challenger retrain
/// and the HTML report.
/// </summary>
internal sealed class DemoStory(IAnsiConsole console, string folder, TimeSpan budget, int seed)
{
    private const string Model = "demo-classifier";
    private const int Features = 10;
    private static readonly DateTimeOffset Start = new(2025, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public int Run(CancellationToken cancellation)
    {
        var clock = new SimulatedClock(Start);
        // 3000 training rows (as the seed's make_classification(n_samples=3000, n_features=10)) and a stream after them.
        var all = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = 3000 + 500 + 500 + (6 * 600), Features = Features, Informative = 5, Redundant = 2, ClassSeparation = 1.2, FlipY = 0.02, Seed = seed,
        });
        var training = all.Slice(0, 3000);
        var at = 3000;
        Table Next(int n)
        {
            var t = all.Slice(at, n);
            at += n;
            return t;
        }

        using var monitor = VigilMonitor.Open(folder, new VigilMonitorOptions(), clock);
        Step(1, $"Train a baseline with AutoML ({budget.TotalSeconds:0} s budget) on 3,000 rows × {Features} features");
        var trials = 0;
        var trained = monitor.Train(Model, training, new TrainRequest
        {
            Label = "target", TimeBudget = budget, Seed = seed, CreatedBy = "vigil demo", Reason = "baseline",
            Progress = p => trials = p.TrialsCompleted,
        }, cancellation);
        var baseline = trained.Profile.Baseline!;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"  {trials} trials; best learner [bold]{Markup.Escape(trained.Search.BestLearner)}[/]; baseline on a 600-row holdout: accuracy {baseline.Metrics["accuracy"]:0.000}, ROC AUC {baseline.Metrics["roc_auc"]:0.000}"));
        console.MarkupLine($"  registered as [bold]{Model}[/] v{trained.Version.Version} (champion) in {Markup.Escape(monitor.Workspace.Folder)}");

        Step(2, "Drift check on 500 new rows from the same distribution (no labels yet)");
        clock.Advance(TimeSpan.FromDays(1));
        var calm = monitor.Check(Model, Next(500).WithoutColumns("target"), Window(clock, 1), cancellation);
        Summarise(calm);

        Step(3, "Drift check on 500 rows whose features moved by +2 std (the seed's randn + 2)");
        clock.Advance(TimeSpan.FromDays(1));
        var shifted = Next(500).WithoutColumns("target");
        foreach (var f in Enumerable.Range(0, Features))
        {
            shifted = NumericDrift.MeanShift(shifted, $"f{f}", 2.0, seed: seed + f);
        }

        var alarm = monitor.Check(Model, shifted, Window(clock, 1), cancellation);
        Summarise(alarm);

        Step(4, "Five weekly evaluations with labels while the world drifts (growing noise, then a changed concept)");
        var weeks = new List<Table>();

        // Weeks 1-3 keep the old concept; from week 4 on the label follows one new rule (drawn once for weeks 4-6).
        var old = Next(3 * 600);
        var changed = ConceptDrift.Apply(Next(3 * 600), new ConceptDriftOptions { LabelColumn = "target", Seed = seed + 4 });
        CheckOutcome? last = null;
        for (var week = 1; week <= 5; week++)
        {
            clock.Advance(TimeSpan.FromDays(7));
            var rows = week <= 3 ? old.Slice((week - 1) * 600, 600) : changed.Slice((week - 4) * 600, 600);
            var noise = 0.15 * (week - 1);
            foreach (var f in Enumerable.Range(0, Features))
            {
                rows = NumericDrift.AddNoise(rows, $"f{f}", noise, seed: (seed * 100) + (week * 10) + f);
            }

            weeks.Add(rows);
            last = monitor.Check(Model, rows, Window(clock, 7), cancellation);
            var perf = last.Result.Performance!;
            var acc = perf.Metrics.First(m => m.Name == "accuracy");
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  week {week}: accuracy {acc.Value:0.000} ({acc.RelativeChange:+0.0%;-0.0%} vs baseline), watched degraded: {(perf.Degraded ? "[red]" + string.Join(", ", perf.DecidedBy) + "[/]" : "none")}; drifted columns {last.Result.Drift.DriftedColumns.Count}; status {Status(last.Result.Status)}"));
        }

        Step(5, "The retrain policy's decision after week 5");
        TriggerLines.Write(console, last!.Decision);

        console.MarkupLine($"  → {(last.Decision.Retrain ? "[yellow bold]retrain[/]" : "[green]no retrain[/]")}: {Markup.Escape(last.Decision.Summary)}");

        Step(6, "Retrain with AutoML warm-started from the champion; promote only if the challenger wins on the newest rows");
        clock.Advance(TimeSpan.FromHours(2));
        var outcome = monitor.Retrain(Model, new RetrainRequest
        {
            Data = Table.Concat([weeks[3], weeks[4]]),
            TimeBudget = budget,
            Seed = seed,
            CreatedBy = "vigil demo",
            Reason = last.Decision.Retrain ? "retrain policy: " + last.Decision.Summary : "demo retrain",
        }, cancellation);
        RetrainCommand.Show(console, outcome);

        Step(7, "Week 6 with the current champion");
        clock.Advance(TimeSpan.FromDays(7));
        var week6 = changed.Slice(2 * 600, 600);
        foreach (var f in Enumerable.Range(0, Features))
        {
            week6 = NumericDrift.AddNoise(week6, $"f{f}", 0.6, seed: (seed * 100) + 60 + f);
        }

        var after = monitor.Check(Model, week6, Window(clock, 7), cancellation);
        var acc6 = after.Result.Performance!.Metrics.First(m => m.Name == "accuracy");
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"  champion v{after.Result.Version}: accuracy {acc6.Value:0.000}; status {Status(after.Result.Status)}"));

        Step(8, "Report");
        var report = monitor.Report(Model);
        var html = Path.Combine(monitor.Workspace.Folder, "report.html");
        var json = Path.Combine(monitor.Workspace.Folder, "report.json");
        AtomicFile.WriteAllText(html, HtmlReport.Render(report));
        AtomicFile.WriteAllText(json, ReportJson.Serialize(report));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"  {report.Summary.TotalEvaluations} evaluations; latest {report.PrimaryMetric} {report.Summary.LatestValue:0.000} (baseline {report.Summary.Baseline:0.000}); trend {report.Summary.Trend}{(report.Summary.TrendVersion is { } tv ? " since " + tv : "")}; watched {string.Join(", ", report.Watched)}"));
        console.MarkupLine($"[bold]HTML report:[/] {Markup.Escape(html)}");
        console.MarkupLine($"JSON report: {Markup.Escape(json)}");
        console.MarkupLine($"Explore further: vigil models -w {Markup.Escape(folder)}   ·   vigil report -w {Markup.Escape(folder)} --model {Model} --html out.html");
        return ExitCodes.Ok;
    }

    private static CheckRequest Window(SimulatedClock clock, int days) => new()
    {
        WindowStart = clock.GetUtcNow() - TimeSpan.FromDays(days),
        WindowEnd = clock.GetUtcNow(),
    };

    private void Step(int n, string title) => console.MarkupLine($"\n[bold blue]{n}.[/] [bold]{Markup.Escape(title)}[/]");

    private void Summarise(CheckOutcome outcome)
    {
        var d = outcome.Result.Drift;
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"  status {Status(outcome.Result.Status)}: {d.DriftedColumns.Count} of {d.Features.Columns.Count} columns drifted (Benjamini–Hochberg + effect size); dataset drift {(d.DatasetDrift ? "[red]yes[/]" : "no")}"));
        var seedRule = d.Features.Columns.Count(c => c.KsPValue < 0.05);
        console.MarkupLine($"  (the seed's rule, raw KS p < 0.05 per column, flags {seedRule} column(s))");
    }

    private static string Status(MonitoringStatus status) => status switch
    {
        MonitoringStatus.Alarm => "[red bold]alarm[/]",
        MonitoringStatus.Warning => "[yellow]warning[/]",
        _ => "[green]healthy[/]",
    };
}
