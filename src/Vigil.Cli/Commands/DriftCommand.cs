using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Outputs;
using Vigil.Data.Csv;
using Vigil.Monitoring.Drift;
using Vigil.Statistics.MultipleTesting;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil drift --reference ref.csv --current cur.csv [--json out.json] [--columns a,b] [--label y]</c>:
/// compares every column of two CSV files and prints a table plus a dataset-level summary.
/// Exit code 0 when the dataset has not drifted, 1 when it has, 2 on bad input.
/// </summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var reference = new Option<FileInfo>("--reference", "-r") { Description = "CSV with the reference sample (e.g. the training data).", Required = true };
        var current = new Option<FileInfo>("--current", "-c") { Description = "CSV with the current sample to compare.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON (snake_case fields) to this file." }.WritesFile();
        var encoding = CsvInput.EncodingOption();
        var columns = new Option<string?>("--columns") { Description = "Comma-separated columns to compare (default: every column of the reference)." };
        var label = new Option<string?>("--label") { Description = "The label column: reported as label drift, not counted in the dataset drift share." };
        var alpha = new Option<double>("--alpha") { Description = "Significance level for the corrected p-values.", DefaultValueFactory = _ => 0.05 };
        var correction = new Option<string>("--correction")
        {
            Description = "Multiple-testing correction across columns: bh (Benjamini–Hochberg), by, holm, bonferroni, none.",
            DefaultValueFactory = _ => "bh",
        };
        correction.AcceptOnlyFromAmong("bh", "by", "holm", "bonferroni", "none");
        var share = new Option<double>("--dataset-drift-share") { Description = "Share of drifted columns that makes the dataset drifted.", DefaultValueFactory = _ => 0.5 };
        var bins = new Option<int>("--psi-bins") { Description = "Reference-quantile bins for numeric PSI.", DefaultValueFactory = _ => 10 };

        var command = new Command("drift", "Compare the columns of a current CSV against a reference CSV (KS, chi-square, PSI, Wasserstein, Jensen–Shannon).")
        {
            reference, current, json, columns, label, alpha, correction, share, bins, encoding,
        };

        command.SetAction(parse =>
        {
            var options = new DriftOptions
            {
                Alpha = parse.GetValue(alpha),
                Correction = ParseCorrection(parse.GetValue(correction)!),
                DatasetDriftShare = parse.GetValue(share),
                PsiBins = parse.GetValue(bins),
            };
            options.Validate();
            var refPath = parse.GetValue(reference)!.FullName;
            var curPath = parse.GetValue(current)!.FullName;
            var selected = parse.GetValue(columns)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var labelName = parse.GetValue(label);

            var text = CsvInput.Encoding(parse, encoding);
            var referenceTable = CsvTableReader.Read(refPath, new CsvReadOptions { Encoding = text });
            // The current file is read with the reference's kinds, so a value that does not fit is reported with its line.
            var currentTable = CsvTableReader.Read(curPath, new CsvReadOptions { Schema = SchemaOf(referenceTable, selected), Encoding = text });
            var report = DriftAnalyzer.Compare(referenceTable, currentTable, options, selected, labelName);

            var output = parse.InvocationConfiguration.Output;
            DriftTableView.Render(report, output, refPath, curPath);
            var jsonFile = parse.GetValue(json);
            if (jsonFile is not null)
            {
                DriftJson.Write(report, jsonFile.FullName);
                output.WriteLine($"JSON report written to {jsonFile.FullName}");
            }

            return report.DatasetDrift ? ExitCodes.Alarm : ExitCodes.Ok;
        });
        return command;
    }

    private static CorrectionMethod? ParseCorrection(string name) => name switch
    {
        "bh" => CorrectionMethod.BenjaminiHochberg,
        "by" => CorrectionMethod.BenjaminiYekutieli,
        "holm" => CorrectionMethod.Holm,
        "bonferroni" => CorrectionMethod.Bonferroni,
        _ => null,
    };

    // Every compared reference column must be in the current file with the same kind; the reader says where it is not.
    private static Dictionary<string, Data.Tables.ColumnKind> SchemaOf(Data.Tables.Table reference, string[]? selected)
    {
        var schema = new Dictionary<string, Data.Tables.ColumnKind>(StringComparer.Ordinal);
        foreach (var column in reference.Columns)
        {
            if (selected is null || selected.Contains(column.Name, StringComparer.Ordinal))
            {
                schema[column.Name] = column.Kind;
            }
        }

        return schema;
    }
}
