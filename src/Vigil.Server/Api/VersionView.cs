using Vigil.Monitoring.Registry;

namespace Vigil.Server.Api;

/// <summary>A model version as the API shows it (no server paths).</summary>
public sealed record VersionView(
    int Version,
    bool IsChampion,
    string Learner,
    IReadOnlyDictionary<string, double> Metrics,
    int TrainingRows,
    int? ParentVersion,
    string CreatedBy,
    string Reason,
    DateTimeOffset CreatedAt,
    bool HasProfile)
{
    /// <summary>vigil, onnx, mlnet or external.</summary>
    public string Kind { get; init; } = "vigil";

    public static VersionView From(ModelVersion v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.Version, v.IsChampion, v.Learner, v.Metrics, v.TrainingRows, v.ParentVersion, v.CreatedBy, v.Reason, v.CreatedAt, v.HasProfile)
        {
            Kind = Vigil.Monitoring.Models.ModelKinds.Name(v.Kind),
        };
    }
}
