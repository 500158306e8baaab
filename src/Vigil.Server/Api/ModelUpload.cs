using Microsoft.AspNetCore.Http;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Registry;

namespace Vigil.Server.Api;

/// <summary>
/// Registers a model Vigil did not train from a multipart/form-data request, like <c>vigil register</c>: fields
/// <c>kind</c> (onnx, mlnet, external), <c>label</c>, and optionally <c>features</c>, <c>classes</c>, <c>prediction</c>, <c>score</c>,
/// <c>task</c>, <c>promote</c>, <c>reason</c>; files <c>reference</c> (CSV, or Parquet when its file name ends in .parquet), <c>model</c> (the .onnx or .zip; not for
/// external) and <c>holdout</c> (CSV). The files are spooled to the workspace's staging folder and removed whatever
/// happens; a refusal (400 for a missing part, 422 for a model or data that does not fit) registers nothing.
/// </summary>
internal static class ModelUpload
{
    public static async Task<ModelVersion> RegisterAsync(WorkspaceHost host, string model, HttpRequest request, string actor, long maxCells, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiProblemException(415, "Unsupported media type",
                $"Send multipart/form-data with the fields kind and label and the files reference and model (got '{request.ContentType ?? "none"}').");
        }

        var form = await MultipartForm.ReadAsync(request, cancellationToken);

        var kind = ModelKinds.TryParse(Field(form, "kind")) is { } k && k != ModelKind.Vigil
            ? k
            : throw ApiProblemException.BadRequest("Give 'kind': onnx, mlnet or external (a Vigil bundle is uploaded to /versions/upload).");
        var label = Field(form, "label") ?? throw ApiProblemException.BadRequest("Give 'label': the label column of the reference data.");
        var reference = form.Files.GetFile("reference") ?? throw ApiProblemException.BadRequest("Give the file 'reference': the reference data as CSV.");
        var modelFile = form.Files.GetFile("model");
        if (kind == ModelKind.External ? modelFile is not null : modelFile is null)
        {
            throw ApiProblemException.BadRequest(kind == ModelKind.External
                ? "An external model has no model file; leave out the file 'model'."
                : $"Give the file 'model': the {(kind == ModelKind.Onnx ? ".onnx file" : "ML.NET .zip")}.");
        }

        var task = Field(form, "task") ?? "auto";
        if (task is not ("auto" or "binary" or "multiclass" or "regression"))
        {
            throw ApiProblemException.BadRequest($"'task' is '{task}'; give auto, binary, multiclass or regression.");
        }

        var staging = Path.Combine(host.Workspace.Folder, ".staging", "register-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var holdout = form.Files.GetFile("holdout");
            var registration = new RegistrationRequest
            {
                Kind = kind,
                ModelFile = modelFile is null ? null : await Spool(modelFile, staging, "model", cancellationToken),
                ModelFileName = "the uploaded model",
                Reference = await ReadCsv(reference, staging, "reference", maxCells, cancellationToken),
                ReferenceName = "the uploaded reference",
                Holdout = holdout is null ? null : await ReadCsv(holdout, staging, "holdout", maxCells, cancellationToken),
                HoldoutName = "the uploaded holdout",
                Label = label,
                Features = Split(Field(form, "features")) is { Length: > 0 } f ? f : null,
                Classes = Field(form, "classes") is { } named ? named.Split(',', StringSplitOptions.TrimEntries) : null,
                PredictionColumn = Field(form, "prediction"),
                ScoreColumns = Split(Field(form, "score")),
                Task = task switch
                {
                    "binary" => Vigil.AutoML.AutoMLTask.Binary,
                    "multiclass" => Vigil.AutoML.AutoMLTask.Multiclass,
                    "regression" => Vigil.AutoML.AutoMLTask.Regression,
                    _ => Vigil.AutoML.AutoMLTask.Auto,
                },
                Promote = string.Equals(Field(form, "promote"), "true", StringComparison.OrdinalIgnoreCase),
                CreatedBy = "api:" + actor,
                Reason = Field(form, "reason") ?? $"registered through the API ({kind.Name()})",
            };
            return ModelRegistration.Register(host.Workspace, model, registration, cancellationToken).Version;
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Staging leftovers are harmless; the next request uses a new name.
            }
        }
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString().Trim() : null;

    private static string[] Split(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task<string> Spool(IFormFile file, string staging, string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(staging, name);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await file.CopyToAsync(output, cancellationToken);
        return path;
    }

    internal static async Task<Table> ReadCsv(IFormFile file, string staging, string name, long maxCells, CancellationToken cancellationToken)
    {
        // CSV, or Parquet when the part's file name says so.
        var extension = string.Equals(Path.GetExtension(file.FileName), ".parquet", StringComparison.OrdinalIgnoreCase) ? ".parquet" : ".csv";
        var path = await Spool(file, staging, name + extension, cancellationToken);
        try
        {
            return TableFile.Read(path, new CsvReadOptions { MaxCells = maxCells });
        }
        catch (Exception e) when (e is CsvFormatException or TableFileException)
        {
            // The server's staging path means nothing to the caller.
            throw new ApiProblemException(422, extension == ".csv" ? "Invalid CSV" : "Invalid Parquet", e.Message.Replace(path, $"the uploaded {name}", StringComparison.Ordinal));
        }
    }
}
