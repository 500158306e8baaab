using System.Globalization;
using Spectre.Console;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>Renders a check: status, drifted columns, quality findings, performance against the baseline, decision.</summary>
internal static class CheckConsoleView
{
    public static void Render(CheckOutcome outcome, TextWriter output, string source)
    {
        var console = Terminal.For(output);
        var r = outcome.Result;
        var colour = r.Status switch { MonitoringStatus.Alarm => "red", MonitoringStatus.Warning => "yellow", _ => "green" };
        console.MarkupLine($"[bold]Check #{outcome.CheckId}[/] of [blue]{Markup.Escape(r.Model)}[/] v{Markup.Escape(r.Version)} on {Markup.Escape(source)} ({r.Window.Rows:N0} rows): [{colour} bold]{r.Status.ToString().ToUpperInvariant()}[/]");
        foreach (var reason in r.Reasons)
        {
            console.MarkupLine($"  [{colour}]•[/] {Markup.Escape(reason)}");
        }

        DriftTableView.RenderColumns(console, r.Drift.Features);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Drift: {r.Drift.DriftedColumns.Count} drifted column(s), share {r.Drift.DriftedShare:P0}{(r.Drift.WeightedDriftedShare is { } w ? $", importance-weighted {w:P0}" : "")} (dataset drift at {r.Drift.DatasetDriftThreshold:P0}: {(r.Drift.DatasetDrift ? "yes" : "no")})."));
        foreach (var skipped in r.Drift.Skipped)
        {
            console.MarkupLine($"  not tested: {Markup.Escape(skipped.Name)} ({Markup.Escape(skipped.Reason)})");
        }

        if (r.Multivariate is { } multivariate)
        {
            MultivariateTableView.Render(console, multivariate);
        }

        if (r.Drift.PredictionDrift is { } p)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Prediction drift: KS p = {p.KsPValue:G3}, drifted {(p.Drifted ? "yes" : "no")}."));
        }

        if (r.Quality.Findings.Count > 0)
        {
            var q = new Table().Border(TableBorder.Rounded).AddColumn("column").AddColumn("finding").AddColumn("severity").AddColumn("detail");
            foreach (var f in r.Quality.Findings)
            {
                q.AddRow(Markup.Escape(f.Column ?? "(window)"), f.Kind.ToString(), f.Severity.ToString(), Markup.Escape(f.Detail));
            }

            console.Write(q);
        }
        else
        {
            console.MarkupLine("Data quality: no findings.");
        }

        if (r.Performance is { } perf)
        {
            var level = perf.IntervalLevel ?? perf.Level;
            var t = new Table().Border(TableBorder.Rounded).AddColumn("metric").AddColumn("watched").AddColumn(new TableColumn("window").RightAligned())
                .AddColumn(new TableColumn("baseline").RightAligned()).AddColumn(new TableColumn("change").RightAligned())
                .AddColumn(new TableColumn(Level(level) + " CI of change").RightAligned()).AddColumn("degraded");
            foreach (var m in perf.Metrics)
            {
                var watched = m.Watched ? string.Create(CultureInfo.InvariantCulture, $"yes (−{m.MaxRelativeDrop ?? 0:0.##%})") : "";
                t.AddRow(perf.DecidedBy.Contains(m.Name) ? $"[bold]{m.Name}[/]" : m.Name, watched, F(m.Value), F(m.Baseline), F(m.AbsoluteChange),
                    $"[[{F(m.ChangeLower)}, {F(m.ChangeUpper)}]]", m.Degraded ? (m.Watched ? "[red bold]yes[/]" : "[yellow]yes (not watched)[/]") : "no");
            }

            console.MarkupLine($"Performance on {perf.Rows:N0} labelled rows{(outcome.DroppedLabels > 0 ? $" ({outcome.DroppedLabels} rows with unknown labels left out)" : "")}:");
            console.Write(t);
            console.MarkupLine(Markup.Escape(Vocabulary(perf)));
        }
        else
        {
            console.MarkupLine("Performance: no labels in this window.");
        }

        EstimatedPerformanceView.Render(console, r.EstimatedPerformance);

        var d = outcome.Decision;
        console.MarkupLine($"Retrain decision: {(d.Retrain ? "[yellow bold]retrain[/]" : "[green]no retrain[/]")} — {Markup.Escape(d.Summary)}");
        TriggerLines.Write(console, d);
    }

    /// <summary>The watched/decided line, in the words the report and the dashboard use.</summary>
    internal static string Vocabulary(PerformanceWindow perf)
    {
        var watched = string.Join(", ", perf.WatchedOrPrimary());
        var decided = perf.DecidedByOrDeciding();
        var verdict = perf.Degraded
            ? $"degraded: {string.Join(", ", decided)}"
            : decided.Count == 0 ? "no watched metric could be judged" : $"decided by {string.Join(", ", decided)}: none degraded";
        var intervals = perf.IntervalLevel is { } l
            ? string.Create(CultureInfo.InvariantCulture, $" (simultaneous {perf.Level:0.##%}: each interval at {Level(l)}, {perf.Correction})")
            : "";
        return $"Watched: {watched}{intervals}; {verdict}.";
    }

    private static string Level(double level) => (level * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string F(double? v) => v is null || double.IsNaN(v.Value) ? "-" : v.Value.ToString("0.0000", CultureInfo.InvariantCulture);
}
