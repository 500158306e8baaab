using System.Text.Json;
using System.Text.Json.Serialization;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.Data.Tables;

namespace Vigil.Monitoring.Models;

/// <summary>
/// <c>model.json</c> of a version Vigil did not train: its kind, task, label and classes, the columns it reads, how an
/// ONNX tensor input orders them, and which reference columns held logged predictions and scores. Written at
/// registration after every check passed; <c>input_schema</c> and <c>task</c> have the names and meaning of a
/// bundle manifest's, so ingestion validates rows for every kind alike.
/// </summary>
public sealed record ModelDescriptor
{
    /// <summary>Name of the file in the version folder.</summary>
    public const string FileName = "model.json";

    /// <summary>The layout version this build writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public required ModelKind Kind { get; init; }

    public required AutoMLTask Task { get; init; }

    public required string LabelColumn { get; init; }

    /// <summary>Class names in index order (the label's sorted values); empty for regression.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>The columns the model reads, with their kinds (as a bundle manifest's input_schema).</summary>
    public IReadOnlyList<InputColumn> InputSchema { get; init; } = [];

    /// <summary>Column order of an ONNX model's one float tensor input (or an ML.NET vector input); null when it reads one input per column.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>The model file in the version folder (<c>model.onnx</c>, <c>model.zip</c>); null for an external model.</summary>
    public string? ModelFile { get; init; }

    /// <summary>The reference column that held the model's predictions, when one was given.</summary>
    public string? PredictionColumn { get; init; }

    /// <summary>The reference columns that held its scores, when given.</summary>
    public IReadOnlyList<string> ScoreColumns { get; init; } = [];

    /// <summary>The input kinds as a dictionary, for typing logged rows.</summary>
    public IReadOnlyDictionary<string, ColumnKind> InputKinds() =>
        InputSchema.ToDictionary(
            c => c.Name,
            c => Enum.TryParse<ColumnKind>(c.Kind, ignoreCase: true, out var kind) ? kind : ColumnKind.Categorical,
            StringComparer.Ordinal);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a descriptor; <see cref="BundleFormatException"/> naming <paramref name="shownAs"/> when the text is not one.</summary>
    public static ModelDescriptor Parse(string json, string shownAs)
    {
        try
        {
            var descriptor = JsonSerializer.Deserialize<ModelDescriptor>(json, Json)
                ?? throw new BundleFormatException($"{shownAs}: {FileName} is empty.");
            if (descriptor.FormatVersion != CurrentFormatVersion)
            {
                throw new BundleFormatException($"{shownAs}: {FileName} has format version {descriptor.FormatVersion}; this Vigil reads version {CurrentFormatVersion}.");
            }

            if (descriptor.InputSchema is null || descriptor.Classes is null || descriptor.ScoreColumns is null || descriptor.InputSchema.Any(c => c?.Name is null))
            {
                throw new BundleFormatException($"{shownAs}: {FileName} lacks its input schema, classes or score columns.");
            }

            return descriptor;
        }
        catch (JsonException e)
        {
            throw new BundleFormatException($"{shownAs}: {FileName} is not valid: {e.Message}", e);
        }
    }
}
