using System.CommandLine;
using Vigil.AutoML;
using Vigil.Cli.Outputs;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil predict --model MODEL --data rows.csv --out predictions.csv</c>: the input rows plus a <c>prediction</c>
/// column and scores (<c>score</c> = positive-class probability for binary models, <c>score_&lt;class&gt;</c> per class
/// for multiclass). MODEL is a bundle folder, an <c>.onnx</c> file (with <c>--features</c> when it takes one tensor),
/// an ML.NET <c>.zip</c>, or the name of a registered model of the workspace (its champion, or <c>--version N</c>).
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model", "-m")
        {
            Description = "A bundle folder written by 'vigil train', an .onnx file, an ML.NET .zip, or a model registered in the workspace.",
            Required = true,
        };
        var data = new Option<FileInfo>("--data", "-d") { Description = "Rows to score, a .csv or .parquet file (a label column, if present, is kept and ignored).", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write, .csv or .parquet (by its extension): the input columns plus prediction and score columns.", Required = true }.WritesTableFile();
        var version = new Option<int?>("--version") { Description = "Version of a registered model (default: its champion)." };
        var features = FeatureOptions.List();
        var featuresFile = FeatureOptions.File();
        var classes = ClassesOption.Create();
        var workspace = Monitoring.WorkspaceOption.Create();
        var encoding = CsvInput.EncodingOption();
        var command = new Command("predict", "Add predictions and scores of a model (bundle, ONNX, ML.NET or registered) to a CSV or Parquet file.")
        {
            model, data, output, version, features, featuresFile, classes, workspace.Workspace, workspace.Store, encoding,
        };
        command.Validators.Add(result => FeatureOptions.Validate(result, features, featuresFile));
        command.SetAction(parse => AutoMLCommandSupport.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var csv = CsvInput.Encoding(parse, encoding);
            var path = parse.GetValue(data)!.FullName;
            var (loaded, table) = PredictionSource.Open(
                parse.GetValue(model)!, parse.GetValue(version), FeatureOptions.Read(parse, features, featuresFile),
                workspace.Location(parse), path, csv, ClassesOption.Read(parse, classes));
            var predictions = loaded.Predict(table);
            var result = table;
            var labels = loaded.PredictedLabels(predictions);
            result = result.WithColumn(loaded.Task == AutoMLTask.Regression
                ? new NumericColumn(Unique(result, "prediction"), predictions.Values)
                : CategoricalColumn.FromValues(Unique(result, "prediction"), labels));
            if (loaded.Task == AutoMLTask.Binary)
            {
                result = result.WithColumn(new NumericColumn(Unique(result, "score"), predictions.Values));
            }
            else if (loaded.Task == AutoMLTask.Multiclass)
            {
                var k = loaded.Labels.ClassCount;
                for (var c = 0; c < k; c++)
                {
                    var scores = new double[predictions.Rows];
                    for (var r = 0; r < scores.Length; r++)
                    {
                        scores[r] = predictions.Values[(r * k) + c];
                    }

                    result = result.WithColumn(new NumericColumn(Unique(result, "score_" + loaded.Labels.Classes[c]), scores));
                }
            }

            var target = parse.GetValue(output)!.FullName;
            TableFile.Write(result, target);
            parse.InvocationConfiguration.Output.WriteLine($"{predictions.Rows} predictions written to {target}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    // Never overwrite an input column: add a suffix instead.
    private static string Unique(Table table, string name)
    {
        var candidate = name;
        for (var i = 2; table.Contains(candidate); i++)
        {
            candidate = name + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
