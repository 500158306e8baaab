using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigil.AutoML.Bundles;

/// <summary>Shared JSON settings for bundle files (snake_case, enums as text, ∞ allowed for failed losses).</summary>
internal static class BundleJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
