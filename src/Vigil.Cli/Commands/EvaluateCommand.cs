using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Vigil.Cli.Outputs;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil evaluate --model model/ --data test.csv [--json out.json]</c>: metrics of a saved model on labelled rows.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model", "-m") { Description = "Model bundle folder written by 'vigil train'.", Required = true };
        var data = new Option<FileInfo>("--data", "-d") { Description = "Labelled rows to score: a .csv or .parquet file.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the metrics as JSON (snake_case) to this file." }.WritesFile();
        var encoding = CsvInput.EncodingOption();
        var command = new Command("evaluate", "Score a saved model on labelled data (ROC AUC, accuracy, log loss, F1, R², RMSE, …).") { model, data, json, encoding };
        command.SetAction(parse => AutoMLCommandSupport.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var bundle = AutoMLCommandSupport.LoadBundle(parse.GetValue(model)!);
            var table = AutoMLCommandSupport.ReadForModel(bundle, parse.GetValue(data)!.FullName, CsvInput.Encoding(parse, encoding), labelled: true);
            var evaluation = bundle.Measure(table);
            if (evaluation.Values.Count == 0)
            {
                // Nothing to report (e.g. no rows): an input problem, said in one line.
                parse.InvocationConfiguration.Error.WriteLine(
                    $"error: no metric is defined on {parse.GetValue(data)!.FullName}: {string.Join("; ", evaluation.Undefined.Select(u => $"{u.Key}: {u.Value}"))}.");
                return ExitCodes.UsageOrInput;
            }

            var console = Terminal.For(parse.InvocationConfiguration.Output);
            var view = new Table().AddColumns("metric", "value");
            foreach (var name in evaluation.Names)
            {
                var value = evaluation.Values.TryGetValue(name, out var v) ? v.ToString("F6", CultureInfo.InvariantCulture) : "undefined";
                view.AddRow(Markup.Escape(name + (name == bundle.Manifest.Metric ? " (optimised)" : "")), value);
            }

            console.WriteLine($"{bundle.Task} model ({bundle.Manifest.Learner}) on {table.RowCount} rows:");
            console.Write(view);
            foreach (var (name, why) in evaluation.Undefined)
            {
                console.WriteLine($"{name} is undefined here: {why}");
            }

            if (parse.GetValue(json) is { } file)
            {
                // Every metric of the task is a key; an undefined one is null, with its reason under "undefined".
                var doc = new Dictionary<string, object?>
                {
                    ["task"] = bundle.Task.ToString().ToLowerInvariant(),
                    ["metric"] = bundle.Manifest.Metric,
                    ["n_rows"] = table.RowCount,
                };
                foreach (var name in evaluation.Names)
                {
                    doc[name] = evaluation.Values.TryGetValue(name, out var v) ? v : null;
                }

                doc["undefined"] = evaluation.Undefined;
                File.WriteAllText(file.FullName, JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
                console.WriteLine($"JSON written to {file.FullName}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
