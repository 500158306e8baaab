using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Outputs;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Parquet;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Drift.ColumnTests;
using Vigil.Statistics.MultipleTesting;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil drift --reference ref.csv --current cur.csv [--json out.json] [--columns a,b] [--label y] [--test COLUMN=NAME]…</c>:
/// compares every column of two data files (CSV or Parquet) and prints a table plus a dataset-level summary.
/// Exit code 0 when the dataset has not drifted, 1 when it has, 2 on bad input.
/// </summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var reference = new Option<FileInfo>("--reference", "-r") { Description = "Reference sample (e.g. the training data): a .csv or .parquet file.", Required = true };
        var current = new Option<FileInfo>("--current", "-c") { Description = "Current sample to compare: a .csv or .parquet file.", Required = true };
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
        var multivariate = new Option<bool>("--multivariate")
        {
            Description = "Also test how the columns move together: a domain classifier (LightGBM, cross-validated AUC with a p-value) "
                + "and the PCA reconstruction error; dataset drift when the classifier separates the files.",
        };
        var tests = new Option<string[]>("--test")
        {
            Description = "The test for one column, COLUMN=NAME (repeatable): " + DescribeTests(ColumnTestRegistry.Default),
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("drift", "Compare the columns of a current data file (CSV or Parquet) against a reference file (KS, chi-square, PSI, Wasserstein, Jensen–Shannon).")
        {
            reference, current, json, columns, label, alpha, correction, share, bins, tests, multivariate, encoding,
        };

        command.SetAction(parse =>
        {
            var requestedTests = ParseTests(parse.GetValue(tests) ?? []);
            var options = new DriftOptions
            {
                Alpha = parse.GetValue(alpha),
                Correction = ParseCorrection(parse.GetValue(correction)!),
                DatasetDriftShare = parse.GetValue(share),
                PsiBins = parse.GetValue(bins),
                Tests = requestedTests,
            };
            options.Validate();
            var refPath = parse.GetValue(reference)!.FullName;
            var curPath = parse.GetValue(current)!.FullName;
            var selected = parse.GetValue(columns)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var labelName = parse.GetValue(label);

            var text = CsvInput.Encoding(parse, encoding);
            var referenceTable = ReadReference(refPath, text, requestedTests, options.TestRegistry);
            CheckTests(requestedTests, referenceTable, selected, options.TestRegistry);
            // The current file is read with the reference's kinds, so a value that does not fit is reported with its line.
            var currentTable = TableFile.Read(curPath, new CsvReadOptions { Schema = SchemaOf(referenceTable, selected), Encoding = text });
            var report = DriftAnalyzer.Compare(referenceTable, currentTable, options, selected, labelName);

            var output = parse.InvocationConfiguration.Output;
            DriftTableView.Render(report, output, refPath, curPath);
            var multivariateResult = parse.GetValue(multivariate) ? MultivariateDrift.Run(referenceTable, currentTable, selected, labelName, options.Alpha) : null;
            if (multivariateResult is not null)
            {
                MultivariateTableView.Render(Terminal.For(output), multivariateResult);
            }

            var jsonFile = parse.GetValue(json);
            if (jsonFile is not null)
            {
                MultivariateDrift.WriteJson(report, multivariateResult, jsonFile.FullName);
                output.WriteLine($"JSON report written to {jsonFile.FullName}");
            }

            return report.DatasetDrift || multivariateResult?.DatasetDrift == true ? ExitCodes.Alarm : ExitCodes.Ok;
        });
        return command;
    }

    // From the registry, so a new test shows up in --help by being registered.
    private static string DescribeTests(ColumnTestRegistry registry)
    {
        Data.Tables.ColumnKind[] kinds = [Data.Tables.ColumnKind.Numeric, Data.Tables.ColumnKind.DateTime, Data.Tables.ColumnKind.Categorical, Data.Tables.ColumnKind.Boolean];
        var tests = registry.Tests.Select(t => $"{t.Name} ({string.Join(", ", t.Kinds.Select(ColumnTestRegistry.Describe))})");
        var defaults = kinds.Select(k => $"{registry.DefaultFor(k, 0, 0).Name} for {ColumnTestRegistry.Describe(k)}");
        return string.Join(", ", tests) + ". Default: " + string.Join(", ", defaults) + " columns.";
    }

    // COLUMN=NAME, split at the last '=' (test names have none; column names may).
    private static Dictionary<string, string> ParseTests(string[] values)
    {
        var known = string.Join(", ", ColumnTestRegistry.Default.Tests.Select(t => t.Name));
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var at = value.LastIndexOf('=');
            if (at <= 0 || at == value.Length - 1)
            {
                throw new ColumnTestInputException($"--test '{value}' is not COLUMN=NAME (e.g. --test income=ad); tests: {known}.");
            }

            var column = value[..at];
            var name = value[(at + 1)..].Trim();
            if (!result.TryAdd(column, name))
            {
                throw new ColumnTestInputException($"--test names column '{column}' twice ({result[column]} and {name}); give one test per column.");
            }
        }

        return result;
    }

    // A column given a test for boolean columns only (z) is read as boolean: true/false, 1/0 or yes/no, any case.
    // When its values are not, the error names the column, its kind and the tests that kind accepts.
    private static Data.Tables.Table ReadReference(string path, CsvEncoding encoding, Dictionary<string, string> requested, ColumnTestRegistry registry)
    {
        var booleans = requested.Where(t => registry.Find(t.Value) is { Kinds: [Data.Tables.ColumnKind.Boolean] })
            .ToDictionary(t => t.Key, _ => Data.Tables.ColumnKind.Boolean, StringComparer.Ordinal);
        if (booleans.Count == 0)
        {
            return TableFile.Read(path, new CsvReadOptions { Encoding = encoding });
        }

        try
        {
            return TableFile.Read(path, new CsvReadOptions { Schema = booleans, Encoding = encoding });
        }
        catch (TableFileException e) when (e.ColumnName is { } column && booleans.ContainsKey(column) && Located(e) is { } where)
        {
            var inferred = TableFile.Read(path, new CsvReadOptions { Columns = [column], Encoding = encoding })[column].Kind;
            var kind = ColumnTestRegistry.Describe(inferred);
            throw new ColumnTestInputException(
                $"The test '{requested[column]}' needs a boolean column, but column '{column}' is {kind} ({where} is not true/false, 1/0 or yes/no); "
                + $"tests for {kind} columns: {string.Join(", ", registry.For(inferred).Select(t => t.Name))}.", e);
        }
    }

    // Where the value that is not a boolean is, in the file's own terms: "line 7: 'abc'" or "row 6: 'abc'".
    private static string? Located(TableFileException e) => e switch
    {
        CsvFormatException c => $"line {c.Line}: {c.Found}",
        ParquetFormatException { Row: { } row } p => $"row {row}: {p.Found}",
        _ => null,
    };

    // Before the current file is read: every --test column is compared, and its test exists and accepts its kind.
    private static void CheckTests(Dictionary<string, string> requested, Data.Tables.Table reference, string[]? selected, ColumnTestRegistry registry)
    {
        foreach (var (column, name) in requested)
        {
            var compared = reference.TryGetColumn(column, out var found) && (selected is null || selected.Contains(column, StringComparer.Ordinal));
            if (!compared)
            {
                var names = selected ?? reference.ColumnNames.ToArray();
                throw new ColumnTestInputException($"--test names column '{column}', which is not compared; compared columns: {string.Join(", ", names)}.");
            }

            registry.Resolve(column, found!.Kind, name, found.Length, 0);
        }
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
    // A reference column blank in every row has no kind of its own (it reads as numeric), so it imposes none: the
    // current column is read as it is and the comparison reports the blank reference (docs/drift.md).
    private static Dictionary<string, Data.Tables.ColumnKind> SchemaOf(Data.Tables.Table reference, string[]? selected)
    {
        var schema = new Dictionary<string, Data.Tables.ColumnKind>(StringComparer.Ordinal);
        foreach (var column in reference.Columns)
        {
            if (column.MissingCount == column.Length)
            {
                continue;
            }

            if (selected is null || selected.Contains(column.Name, StringComparer.Ordinal))
            {
                schema[column.Name] = column.Kind;
            }
        }

        return schema;
    }
}
