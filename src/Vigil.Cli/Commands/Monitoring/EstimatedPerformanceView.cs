using System.Globalization;
using Spectre.Console;
using Vigil.Monitoring.Estimation;

namespace Vigil.Cli.Commands.Monitoring;

/// <summary>The estimated-performance table of a check: estimate, band, baseline, realised (when labels came with the window).</summary>
internal static class EstimatedPerformanceView
{
    public static void Render(IAnsiConsole console, EstimatedPerformance? estimated)
    {
        if (estimated is null)
        {
            return;
        }

        if (estimated.Metrics.Count == 0)
        {
            console.MarkupLine($"Estimated performance: {Markup.Escape(string.Join("; ", estimated.Notes))}");
            return;
        }

        var realised = estimated.Metrics.Any(m => m.Realised is not null);
        // Each band is drawn at the Bonferroni level of the watched set, as the measured metrics' intervals.
        var level = estimated.IntervalLevel ?? estimated.Level;
        var t = new Table().Border(TableBorder.Rounded).AddColumn("metric").AddColumn(new TableColumn("estimated").RightAligned())
            .AddColumn(new TableColumn(string.Create(CultureInfo.InvariantCulture, $"{level:P2} band")).RightAligned())
            .AddColumn(new TableColumn("baseline").RightAligned());
        if (realised)
        {
            t.AddColumn(new TableColumn("realised").RightAligned());
        }

        t.AddColumn("degraded");
        foreach (var m in estimated.Metrics)
        {
            var cells = new List<string>
            {
                m.Watched ? $"[bold]{m.Name}[/]" : m.Name, F(m.Value), $"[[{F(m.Lower)}, {F(m.Upper)}]]", F(m.Baseline),
            };
            if (realised)
            {
                cells.Add(F(m.Realised));
            }

            cells.Add(m.Degraded ? (m.Watched ? "[red bold]yes[/]" : "[yellow]yes (not watched)[/]") : "no");
            t.AddRow(cells.ToArray());
        }

        var calibration = estimated.Calibration is null ? "" : $", calibration {estimated.Calibration}";
        var refitted = estimated.EstimatorSource == Vigil.Monitoring.Estimation.VersionEstimator.Refitted
            ? ", estimator refitted on production rows (vigil models estimator --show)"
            : "";
        console.MarkupLine(Markup.Escape($"Estimated performance ({estimated.Method.ToUpperInvariant()} on {estimated.Rows:N0} rows{calibration}{refitted}; watched metrics in bold):"));
        console.Write(t);
    }

    private static string F(double? v) => v is null || double.IsNaN(v.Value) ? "-" : v.Value.ToString("0.0000", CultureInfo.InvariantCulture);
}
