using System.Text.Json;
using Vigil.AutoML.Bundles;
using Vigil.Data.Text;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Registry;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// The estimator of a version, kept as <c>estimator.json</c> in its bundle folder beside profile.json, so it travels
/// with the bundle (registration, upload) and is fitted once per version.
/// </summary>
public static class EstimatorFile
{
    /// <summary>File name inside a bundle or version folder.</summary>
    public const string FileName = "estimator.json";

    /// <summary>Writes <paramref name="estimator"/> into <paramref name="folder"/> atomically.</summary>
    public static void Write(string folder, PerformanceEstimator estimator)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(estimator);
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), MonitoringJson.Serialize(estimator));
    }

    /// <summary>
    /// The version's estimator; null when it has none (trained before estimation existed, or a kind that cannot be
    /// estimated) or when it cannot be read, with the reason in <paramref name="why"/> — a check then goes on without
    /// estimation rather than failing.
    /// </summary>
    public static PerformanceEstimator? TryRead(ModelVersion version, out string? why)
    {
        ArgumentNullException.ThrowIfNull(version);
        why = null;
        try
        {
            var file = VersionFile.Estimator(version);
            if (file is null)
            {
                why = $"version {version.Version} has no performance estimator (it was registered without labelled scores to fit one on, or before registration fitted one; retrain or register it again to estimate)";
                return null;
            }

            var estimator = MonitoringJson.Deserialize<PerformanceEstimator>(file.ReadAllText());
            if (estimator.Cbpe is null && estimator.Dle is null)
            {
                why = $"the estimator of version {version.Version} holds no model";
                return null;
            }

            return estimator;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or BundleFormatException or NotSupportedException or ArgumentException)
        {
            why = $"the estimator of version {version.Version} cannot be read: {e.Message}";
            return null;
        }
    }
}
