using System.CommandLine;
using System.Globalization;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil register --model NAME (--onnx FILE | --mlnet FILE | --external) --reference FILE --label COL [--features …]
/// [--classes a,b,…] [--prediction COL] [--score COL[,COL…]] [--task …] [--holdout FILE] [--promote]</c>: registers a model Vigil did not
/// train, with its reference profile and baseline. Everything is checked before the workspace is opened, so a refused
/// registration (exit 2, one line naming the file, input or column) leaves it exactly as it was.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create()
    {
        var model = Monitoring.WorkspaceOption.Model();
        var onnx = new Option<FileInfo?>("--onnx") { Description = "An ONNX model (.onnx), scored on the CPU by ONNX Runtime." };
        var mlnet = new Option<FileInfo?>("--mlnet") { Description = "An ML.NET model (.zip written by MLContext.Model.Save with its input schema)." };
        var external = new Option<bool>("--external") { Description = "No model file: predictions and scores are made elsewhere and logged (POST /predictions)." };
        var reference = new Option<FileInfo>("--reference", "-r") { Description = "Reference data (.csv or .parquet): what the model was trained on, with the label; the baseline of every drift check.", Required = true };
        var label = new Option<string>("--label", "-l") { Description = "Label column of the reference (and holdout).", Required = true };
        var features = FeatureOptions.List();
        var featuresFile = FeatureOptions.File();
        var classes = ClassesOption.Create();
        var prediction = new Option<string?>("--prediction") { Description = "Column of the reference holding the model's predictions (the baseline is then measured on it, not by scoring)." };
        var score = new Option<string?>("--score") { Description = "Score column(s), comma-separated: the positive-class probability (binary), or one per class in the label's sorted order (multiclass)." };
        var task = new Option<string>("--task") { Description = "auto (from the model's outputs, or the label for --external), binary, multiclass or regression.", DefaultValueFactory = _ => "auto" };
        task.AcceptOnlyFromAmong("auto", "binary", "multiclass", "regression");
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Labelled rows (.csv or .parquet) the model never trained on, for the baseline (default: the reference, and the output says so)." };
        var promote = new Option<bool>("--promote") { Description = "Make this version the champion (the model's first version always is)." };
        var reason = new Option<string?>("--reason") { Description = "Why (recorded with the version)." };
        var workspace = Monitoring.WorkspaceOption.Create();
        var encoding = CsvInput.EncodingOption();
        var command = new Command("register", "Register a model Vigil did not train (ONNX, ML.NET, or external) with its reference data.")
        {
            model, onnx, mlnet, external, reference, label, features, featuresFile, classes, prediction, score, task, holdout, promote, reason, workspace.Workspace, workspace.Store, encoding,
        };
        command.Validators.Add(result =>
        {
            var kinds = (result.GetValue(onnx) is null ? 0 : 1) + (result.GetValue(mlnet) is null ? 0 : 1) + (result.GetValue(external) ? 1 : 0);
            if (kinds != 1)
            {
                result.AddError("Give exactly one of --onnx FILE, --mlnet FILE or --external.");
            }

            FeatureOptions.Validate(result, features, featuresFile);
        });
        command.SetAction((parse, cancellation) => Task.FromResult(AutoMLCommandSupport.Guard(parse.InvocationConfiguration.Error, () =>
        {
            var csv = CsvInput.Encoding(parse, encoding);
            var referenceFile = parse.GetValue(reference)!;
            var holdoutFile = parse.GetValue(holdout);
            var modelFile = parse.GetValue(onnx) ?? parse.GetValue(mlnet);
            var kind = parse.GetValue(onnx) is not null ? ModelKind.Onnx : parse.GetValue(mlnet) is not null ? ModelKind.MlNet : ModelKind.External;
            var request = new RegistrationRequest
            {
                Kind = kind,
                ModelFile = modelFile?.FullName,
                ModelFileName = modelFile is null ? null : $"'{modelFile.Name}'",
                Reference = Read(referenceFile, csv),
                ReferenceName = $"'{referenceFile.Name}'",
                Label = parse.GetValue(label)!,
                Features = FeatureOptions.Read(parse, features, featuresFile),
                Classes = ClassesOption.Read(parse, classes),
                PredictionColumn = parse.GetValue(prediction),
                ScoreColumns = Split(parse.GetValue(score)),
                Task = AutoMLCommandSupport.ParseTask(parse.GetValue(task)!),
                Holdout = holdoutFile is null ? null : Read(holdoutFile, csv),
                HoldoutName = holdoutFile is null ? "the holdout data" : $"'{holdoutFile.Name}'",
                Promote = parse.GetValue(promote),
                CreatedBy = "vigil register",
                Reason = parse.GetValue(reason) ?? $"registered from {modelFile?.Name ?? "logged predictions"} with vigil register",
            };
            var name = parse.GetValue(model)!;
            var prepared = ModelRegistration.Prepare(name, request, cancellation);
            using var ws = workspace.OpenOrCreate(parse);
            var registered = ModelRegistration.Publish(ws, prepared);
            var output = parse.InvocationConfiguration.Output;
            var v = registered.Version;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"registered {name} v{v.Version}{(v.IsChampion ? " (champion)" : "")} in {ws.Location}: kind {kind.Name()}, {prepared.Descriptor.Task.ToString().ToLowerInvariant()}, {prepared.Descriptor.InputSchema.Count} input columns, reference of {prepared.Reference.RowCount} rows"));
            foreach (var note in registered.Notes)
            {
                output.WriteLine(note);
            }

            if (registered.Profile.Baseline is { } baseline)
            {
                output.WriteLine("baseline: " + string.Join(", ", baseline.Metrics.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}"))));
            }

            if (registered.Profile.FeatureImportance is { } importance)
            {
                output.WriteLine("feature importance: " + string.Join(", ", importance.OrderByDescending(p => p.Value).Take(5)
                    .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:0.###}"))));
            }

            return ExitCodes.Ok;
        })));
        return command;
    }

    private static Table Read(FileInfo file, CsvEncoding encoding) =>
        TableFile.Read(file.FullName, new CsvReadOptions { Encoding = encoding });

    private static string[] Split(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
