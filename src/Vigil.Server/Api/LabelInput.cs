using System.Globalization;
using System.Text.Json;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Api;

/// <summary>Reads a labels body: a JSON array of <c>{id, label, observed_at?}</c> (or an object with a <c>labels</c> array).</summary>
internal static class LabelInput
{
    public static List<LabelRecord> Parse(JsonElement root, int maxRows)
    {
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array => labels,
            _ => throw ApiProblemException.Unprocessable("Expected a JSON array of {id, label} objects (or an object with a 'labels' array)."),
        };
        if (items.GetArrayLength() > maxRows)
        {
            throw ApiProblemException.Unprocessable($"The batch has more than {maxRows} labels (Vigil:MaxBatchRows); split it.");
        }

        var result = new List<LabelRecord>(items.GetArrayLength());
        var errors = new List<string>();
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var i) ? Text(i) : null;
            var label = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("label", out var l) ? Text(l) : null;
            DateTimeOffset? observed = null;
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("observed_at", out var o) && o.ValueKind != JsonValueKind.Null)
            {
                if (o.ValueKind == JsonValueKind.String && o.TryGetDateTimeOffset(out var t))
                {
                    observed = t;
                }
                else
                {
                    Add(errors, index, "'observed_at' must be an ISO 8601 date-time string");
                }
            }

            if (string.IsNullOrEmpty(id))
            {
                Add(errors, index, "'id' must be a non-empty string or a number");
            }
            else if (label is null)
            {
                Add(errors, index, "'label' must be a string, number or boolean");
            }
            else
            {
                result.Add(new LabelRecord(id, label, observed));
            }

            index++;
        }

        if (errors.Count > 0)
        {
            throw ApiProblemException.Unprocessable($"{errors.Count} of {index} labels are invalid; nothing was stored.", errors.Take(20).ToArray());
        }

        if (index == 0)
        {
            throw ApiProblemException.Unprocessable("The batch has no labels.");
        }

        return result;
    }

    // Numbers are normalised ("1.0" and "1" are the same class) so they match the model's class names.
    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number when value.TryGetDouble(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private static void Add(List<string> errors, int index, string message) =>
        errors.Add(string.Create(CultureInfo.InvariantCulture, $"label {index}: {message}"));
}
