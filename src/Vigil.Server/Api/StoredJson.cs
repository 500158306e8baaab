using System.Text.Json;

namespace Vigil.Server.Api;

/// <summary>JSON text kept verbatim in the store, embedded as-is in API responses.</summary>
internal static class StoredJson
{
    public static JsonElement Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return default;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
