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
        var data = new Option<FileInfo>("--data", "-d") { Description = "Labelled CSV to score.", Required = true };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the metrics as JSON (snake_case) to this file." }.WritesFile();
        var encoding = CsvInput.EncodingOption();
        var command = new Command("evaluate", "Score a saved model on labelled data (ROC AUC, accuracy, log loss, F1, R², RMSE, …).") { model, data, json, encoding };
        command.SetAction(parse => AutoMLCommandSupport.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var bundle = AutoMLCommandSupport.LoadBundle(parse.GetValue(model)!);
            var table = AutoMLCommandSupport.ReadForModel(bundle, parse.GetValue(data)!.FullName, CsvInput.Encoding(parse, encoding), labelled: true);
            var metrics = bundle.Evaluate(table);
            var console = Terminal.For(parse.InvocationConfiguration.Output);
            var view = new Table().AddColumns("metric", "value");
            foreach (var (name, value) in metrics)
            {
                view.AddRow(name + (name == bundle.Manifest.Metric ? " (optimised)" : ""), value.ToString("F6", CultureInfo.InvariantCulture));
            }

            console.WriteLine($"{bundle.Task} model ({bundle.Manifest.Learner}) on {table.RowCount} rows:");
            console.Write(view);
            if (parse.GetValue(json) is { } file)
            {
                var doc = new Dictionary<string, object>
                {
                    ["task"] = bundle.Task.ToString().ToLowerInvariant(),
                    ["metric"] = bundle.Manifest.Metric,
                    ["n_rows"] = table.RowCount,
                };
                foreach (var (name, value) in metrics)
                {
                    doc[name] = value;
                }

                File.WriteAllText(file.FullName, JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
                console.WriteLine($"JSON written to {file.FullName}");
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}
