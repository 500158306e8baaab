using System.Globalization;
using Spectre.Console;
using Vigil.Monitoring.Drift;

namespace Vigil.Cli.Commands;

/// <summary>Renders a <see cref="DriftReport"/> as a console table and a one-paragraph summary.</summary>
internal static class DriftTableView
{
    public static void Render(DriftReport report, TextWriter output, string referencePath, string currentPath)
    {
        var console = Terminal.For(output);
        console.MarkupLine($"[bold]Drift[/] of [blue]{Markup.Escape(Path.GetFileName(currentPath))}[/] ({report.CurrentRows:N0} rows) "
            + $"against [blue]{Markup.Escape(Path.GetFileName(referencePath))}[/] ({report.ReferenceRows:N0} rows)");

        RenderColumns(console, report);
        var verdict = report.DatasetDrift ? "[red bold]DATASET DRIFT[/]" : "[green bold]no dataset drift[/]";
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{verdict}: {report.DriftedCount} of {report.Columns.Count(c => !c.IsLabel)} feature columns drifted ({report.DriftedShare:P0}; threshold {report.Rule.DatasetDriftShare:P0}), "
            + $"{Markup.Escape(report.Rule.Correction)} correction at alpha {report.Rule.Alpha}."));
    }

    /// <summary>The per-column table and the reasons of drifted columns.</summary>
    public static void RenderColumns(IAnsiConsole console, DriftReport report)
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("column");
        table.AddColumn("kind");
        table.AddColumn("test");
        table.AddColumn(new TableColumn("statistic").RightAligned());
        table.AddColumn(new TableColumn("p-value").RightAligned());
        table.AddColumn(new TableColumn("adj. p").RightAligned());
        table.AddColumn(new TableColumn("PSI").RightAligned());
        table.AddColumn(new TableColumn("W1/std").RightAligned());
        table.AddColumn(new TableColumn("JS").RightAligned());
        table.AddColumn(new TableColumn("missing").RightAligned());
        table.AddColumn("drifted");
        foreach (var c in report.Columns)
        {
            table.AddRow(
                Markup.Escape(c.Name),
                c.IsLabel ? c.Type + " (label)" : c.Type,
                Markup.Escape(c.Test ?? "-"),
                Format(c.Statistic),
                FormatP(c.PValue),
                FormatP(c.AdjustedPValue),
                Format(c.Psi),
                Format(c.WassersteinNormed),
                Format(c.JensenShannon),
                $"{c.MissingReference}/{c.MissingCurrent}",
                c.Drifted ? "[red bold]yes[/]" : "[green]no[/]");
        }

        console.Write(table);
        foreach (var c in report.Columns)
        {
            if (c.Drifted)
            {
                console.MarkupLine($"  [red]•[/] {Markup.Escape(c.Name)}: {Markup.Escape(c.Reason)}");
            }
        }
    }

    private static string Format(double? value) =>
        value is null ? "-" : value.Value.ToString(Math.Abs(value.Value) >= 1000 ? "0.##E+0" : "0.####", CultureInfo.InvariantCulture);

    private static string FormatP(double? value) => value switch
    {
        null => "-",
        < 1e-4 => value.Value.ToString("0.0E+0", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("0.####", CultureInfo.InvariantCulture),
    };
}
