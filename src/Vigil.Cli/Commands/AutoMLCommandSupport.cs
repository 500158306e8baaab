using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.AutoML.Metrics;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Data.Text;

namespace Vigil.Cli.Commands;

/// <summary>Shared pieces of the train / evaluate / predict commands.</summary>
internal static class AutoMLCommandSupport
{
    public static readonly string[] MetricNames = ["auto", "roc_auc", "average_precision", "accuracy", "f1", "log_loss", "r2", "rmse", "mae", "mape"];

    public static Metric ParseMetric(string name) => name switch
    {
        "roc_auc" => Metric.RocAuc,
        "average_precision" => Metric.AveragePrecision,
        "accuracy" => Metric.Accuracy,
        "f1" => Metric.F1,
        "log_loss" => Metric.LogLoss,
        "r2" => Metric.R2,
        "rmse" => Metric.Rmse,
        "mae" => Metric.Mae,
        "mape" => Metric.Mape,
        _ => Metric.Default,
    };

    public static AutoMLTask ParseTask(string name) => name switch
    {
        "binary" => AutoMLTask.Binary,
        "multiclass" => AutoMLTask.Multiclass,
        "regression" => AutoMLTask.Regression,
        _ => AutoMLTask.Auto,
    };

    /// <summary>Loads a bundle, turning format problems into the CLI's one-line input error.</summary>
    public static ModelBundle LoadBundle(DirectoryInfo directory)
    {
        if (!directory.Exists)
        {
            throw new DirectoryNotFoundException($"model folder not found: {directory.FullName}");
        }

        return ModelBundle.Load(directory.FullName);
    }

    /// <summary>
    /// Reads rows for a model: the model's input columns keep their training kinds; a missing one is reported with the
    /// file. With <paramref name="labelled"/> the label column must be there and every label one the model knows.
    /// </summary>
    public static Table ReadForModel(ModelBundle bundle, string path, CsvEncoding encoding, bool labelled = false)
    {
        var used = bundle.Featurizer.Columns.Select(c => c.Column).ToHashSet(StringComparer.Ordinal);
        var schema = bundle.Manifest.InputSchema
            .Where(c => used.Contains(c.Name) && Enum.TryParse<ColumnKind>(c.Kind, out _))
            .ToDictionary(c => c.Name, c => Enum.Parse<ColumnKind>(c.Kind), StringComparer.Ordinal);
        var located = TableFile.ReadLocated(path, new CsvReadOptions { Schema = schema, Encoding = encoding });
        if (labelled)
        {
            LabelCheck.RequireKnownLabels(located, bundle);
        }

        return located.Table;
    }

    /// <summary>Runs a command body, mapping AutoML input and bundle errors to exit code 2 with one clear line.</summary>
    public static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (AutoMLException ex)
        {
            error.WriteLine($"error: {PrintableText.Escape(ex.Message)}");
            return ExitCodes.UsageOrInput;
        }
        catch (BundleFormatException ex)
        {
            error.WriteLine($"error: {PrintableText.Escape(ex.Message)}");
            return ExitCodes.UsageOrInput;
        }
    }
}
