using System.Text.Json;
using Vigil.AutoML;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>
/// The configuration recorded with a model version (<c>config_json</c> in the registry): the winning learner and
/// hyperparameters plus the best configuration of every learner tried, so a retrain can warm-start from all of them.
/// </summary>
public sealed record VersionConfig(string Learner, IReadOnlyDictionary<string, double> Config, IReadOnlyList<StartingPoint> StartingPoints)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static VersionConfig From(AutoMLResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new VersionConfig(result.BestLearner, result.BestConfig, result.StartingPoints());
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads <c>config_json</c>; an unreadable one gives no starting points rather than failing a retrain.</summary>
    public static VersionConfig? TryParse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<VersionConfig>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
