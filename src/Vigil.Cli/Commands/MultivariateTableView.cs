using System.Globalization;
using Spectre.Console;
using Vigil.Monitoring.Multivariate;

namespace Vigil.Cli.Commands;

/// <summary>Renders a <see cref="MultivariateDriftResult"/>: one table row per method and the features that separate most.</summary>
internal static class MultivariateTableView
{
    public static void Render(IAnsiConsole console, MultivariateDriftResult result)
    {
        var d = result.DomainClassifier;
        var r = result.Reconstruction;
        var table = new Table().Border(TableBorder.Rounded).Title("Multivariate drift");
        table.AddColumn("method");
        table.AddColumn(new TableColumn("statistic").RightAligned());
        table.AddColumn(new TableColumn("threshold").RightAligned());
        table.AddColumn(new TableColumn("rows (ref/cur)").RightAligned());
        table.AddColumn("drifted");
        table.AddRow(
            "domain classifier",
            d.Ran ? F($"AUC {d.Auc:F3}, p {P(d.PValue)}") : "-",
            F($"p < {d.Alpha}, AUC ≥ {d.MinAuc}"),
            F($"{d.NReference:N0}/{d.NCurrent:N0}"),
            Verdict(d.Ran, d.Drifted));
        table.AddRow(
            "PCA reconstruction",
            r.Ran ? F($"error {r.Error:G4}") : "-",
            r.Ran ? F($"[{r.Lower:G4}, {r.Upper:G4}]") : "-",
            F($"{r.NReference:N0}/{r.NCurrent:N0}"),
            Verdict(r.Ran, r.Drifted));
        console.Write(table);
        console.MarkupLine($"  domain classifier: {Markup.Escape(d.Reason)}");
        console.MarkupLine($"  PCA reconstruction: {Markup.Escape(r.Reason)}");
        if (result.Skipped.Count > 0)
        {
            console.MarkupLine($"  not used (absent from the window or of another kind): {Markup.Escape(string.Join(", ", result.Skipped))}");
        }
    }

    private static string Verdict(bool ran, bool drifted) => !ran ? "[grey]not run[/]" : drifted ? "[red bold]yes[/]" : "[green]no[/]";

    private static string P(double? p) => p is null ? "-" : p < 1e-4 ? p.Value.ToString("0.0E+0", CultureInfo.InvariantCulture) : p.Value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => Markup.Escape(text.ToString(CultureInfo.InvariantCulture));
}
