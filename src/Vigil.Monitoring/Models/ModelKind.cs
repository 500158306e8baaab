using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Models;

/// <summary>
/// What a registered version is: a bundle Vigil trained, an ONNX graph, an ML.NET pipeline, or no model at all
/// (its predictions and scores arrive in the log). Stored in the registry as the kind's name.
/// </summary>
[JsonConverter(typeof(ModelKindJsonConverter))]
public enum ModelKind
{
    /// <summary>A bundle trained by Vigil's AutoML (<c>vigil</c>).</summary>
    Vigil,

    /// <summary>An ONNX graph scored by ONNX Runtime on the CPU (<c>onnx</c>).</summary>
    Onnx,

    /// <summary>An ML.NET <c>ITransformer</c> saved with <c>MLContext.Model.Save</c> (<c>mlnet</c>).</summary>
    MlNet,

    /// <summary>No model: predictions and scores are made elsewhere and logged (<c>external</c>).</summary>
    External,
}

/// <summary>The stored names of <see cref="ModelKind"/>.</summary>
public static class ModelKinds
{
    /// <summary>Every kind, in the order the docs list them.</summary>
    public static IReadOnlyList<ModelKind> All { get; } = [ModelKind.Vigil, ModelKind.Onnx, ModelKind.MlNet, ModelKind.External];

    /// <summary>The name stored in the registry and shown to users: vigil, onnx, mlnet, external.</summary>
    public static string Name(this ModelKind kind) => kind switch
    {
        ModelKind.Vigil => "vigil",
        ModelKind.Onnx => "onnx",
        ModelKind.MlNet => "mlnet",
        ModelKind.External => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
    };

    /// <summary>The kind called <paramref name="name"/>, or null when no kind has that name.</summary>
    public static ModelKind? TryParse(string? name) => name switch
    {
        "vigil" => ModelKind.Vigil,
        "onnx" => ModelKind.Onnx,
        "mlnet" => ModelKind.MlNet,
        "external" => ModelKind.External,
        _ => null,
    };

    /// <summary>The kind called <paramref name="name"/>; <see cref="InvalidDataException"/> for a name no kind has (a database changed outside Vigil).</summary>
    public static ModelKind Parse(string name) =>
        TryParse(name) ?? throw new InvalidDataException($"Unknown model kind '{name}' in the workspace; this Vigil knows {string.Join(", ", All.Select(k => k.Name()))}.");
}

/// <summary>Writes and reads <see cref="ModelKind"/> as its stored name.</summary>
internal sealed class ModelKindJsonConverter : JsonConverter<ModelKind>
{
    public override ModelKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ModelKinds.TryParse(reader.GetString()) ?? throw new JsonException($"'{reader.GetString()}' is not a model kind.");

    public override void Write(Utf8JsonWriter writer, ModelKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Name());
}
