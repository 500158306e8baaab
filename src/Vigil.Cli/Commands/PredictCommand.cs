using System.CommandLine;
using Vigil.AutoML;
using Vigil.Cli.Outputs;
using Vigil.Data.Files;
using Vigil.Data.Tables;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil predict --model model/ --data rows.csv --out predictions.csv</c>: the input rows plus a
/// <c>prediction</c> column and scores (<c>score</c> = positive-class probability for binary models,
/// <c>score_&lt;class&gt;</c> per class for multiclass).
/// </summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<DirectoryInfo>("--model", "-m") { Description = "Model bundle folder written by 'vigil train'.", Required = true };
        var data = new Option<FileInfo>("--data", "-d") { Description = "Rows to score, a .csv or .parquet file (a label column, if present, is kept and ignored).", Required = true };
        var output = new Option<FileInfo>("--out", "-o") { Description = "File to write, .csv or .parquet (by its extension): the input columns plus prediction and score columns.", Required = true }.WritesTableFile();
        var encoding = CsvInput.EncodingOption();
        var command = new Command("predict", "Add predictions and scores of a saved model to a CSV or Parquet file.") { model, data, output, encoding };
        command.SetAction(parse => AutoMLCommandSupport.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var bundle = AutoMLCommandSupport.LoadBundle(parse.GetValue(model)!);
            var table = AutoMLCommandSupport.ReadForModel(bundle, parse.GetValue(data)!.FullName, CsvInput.Encoding(parse, encoding));
            var predictions = bundle.Predict(table);
            var result = table;
            var labels = bundle.PredictedLabels(predictions);
            result = result.WithColumn(bundle.Task == AutoMLTask.Regression
                ? new NumericColumn(Unique(result, "prediction"), predictions.Values)
                : CategoricalColumn.FromValues(Unique(result, "prediction"), labels));
            if (bundle.Task == AutoMLTask.Binary)
            {
                result = result.WithColumn(new NumericColumn(Unique(result, "score"), predictions.Values));
            }
            else if (bundle.Task == AutoMLTask.Multiclass)
            {
                var k = bundle.Labels.ClassCount;
                for (var c = 0; c < k; c++)
                {
                    var scores = new double[predictions.Rows];
                    for (var r = 0; r < scores.Length; r++)
                    {
                        scores[r] = predictions.Values[(r * k) + c];
                    }

                    result = result.WithColumn(new NumericColumn(Unique(result, "score_" + bundle.Labels.Classes[c]), scores));
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
