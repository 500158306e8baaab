using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Models.MlNet;
using Vigil.Monitoring.Models.Onnx;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Commands;

/// <summary>
/// What <c>vigil predict --model</c> names: a bundle folder, an .onnx file, an ML.NET .zip, or a registered model
/// (champion, or a given version) of the workspace; loaded together with the rows to score, read with the kinds the
/// model takes.
/// </summary>
internal static class PredictionSource
{
    public static (LoadedModel Model, Table Rows) Open(string model, int? version, IReadOnlyList<string>? features, WorkspaceLocation workspace, string data, CsvEncoding encoding,
        IReadOnlyList<string>? classes = null)
    {
        var bareOnnx = version is null && File.Exists(model) && string.Equals(Path.GetExtension(model), ".onnx", StringComparison.OrdinalIgnoreCase);
        if (classes is not null && !bareOnnx)
        {
            throw new ModelInputException("--classes names the classes of an .onnx file's probability tensor; a bundle, an ML.NET .zip or a registered model knows its classes.");
        }

        if (version is null && Directory.Exists(model))
        {
            var bundle = AutoMLCommandSupport.LoadBundle(new DirectoryInfo(model));
            return (new BundleModel(bundle), AutoMLCommandSupport.ReadForModel(bundle, data, encoding));
        }

        if (version is null && File.Exists(model))
        {
            var file = new FileInfo(model);
            var rows = TableFile.Read(data, new CsvReadOptions { Encoding = encoding });
            var bytes = File.ReadAllBytes(file.FullName);
            var shownAs = $"'{file.Name}'";
            return file.Extension.ToLowerInvariant() switch
            {
                ".onnx" => (OnnxModel.Bind(bytes, shownAs, rows, features, null, Vigil.AutoML.AutoMLTask.Auto, classes), rows),
                ".zip" => (MlNetPipeline.Bind(bytes, shownAs, rows, features, null, Vigil.AutoML.AutoMLTask.Auto), rows),
                _ => throw new ModelInputException($"{shownAs} is neither an .onnx file nor an ML.NET .zip; --model takes those, a bundle folder or a registered model's name."),
            };
        }

        if (!ModelName.IsValid(model) || (workspace.Folder is { } folder && !File.Exists(Path.Combine(folder, VigilWorkspace.DatabaseFileName))))
        {
            throw new ModelInputException(
                $"--model '{model}' is not a bundle folder, an .onnx or .zip file, or a model registered in the workspace {Vigil.Stores.WorkspaceOpener.Describe(workspace)}.");
        }

        using var ws = Vigil.Stores.WorkspaceOpener.Open(workspace);
        var chosen = version is { } v
            ? ws.Registry.GetVersion(model, v)
            : ws.Registry.GetChampion(model) ?? throw new ModelInputException(
                ws.Registry.ListVersions(model).Count == 0
                    ? $"Model '{model}' is not registered in {ws.Location}; models: {string.Join(", ", ws.Registry.ListModels())}."
                    : $"Model '{model}' has no champion; give --version N.");
        var loaded = ModelLoader.Load(chosen);
        if (!loaded.CanScore)
        {
            throw ModelKindException.CannotDo(model, loaded.Kind, "score rows", "its predictions are made outside Vigil and arrive in the log.");
        }

        if (loaded is BundleModel b)
        {
            return (loaded, AutoMLCommandSupport.ReadForModel(b.Bundle, data, encoding));
        }

        var schema = loaded.InputKinds.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return (loaded, TableFile.Read(data, new CsvReadOptions { Encoding = encoding, Schema = schema }));
    }
}
