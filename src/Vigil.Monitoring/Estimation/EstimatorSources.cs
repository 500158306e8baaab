using System.Text.Json;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Chooses a version's estimator — the refit stored in the workspace, else the bundle's — and says in a check's
/// estimate which one gave it.
/// </summary>
internal static class EstimatorSources
{
    /// <summary>The estimator <paramref name="version"/>'s checks use; a refit that cannot be read falls back to the bundle's, saying so.</summary>
    public static VersionEstimator Read(IMonitoringStore store, ModelVersion version, bool refitted)
    {
        string? unreadable = null;
        if (refitted && store.GetVersionEstimator(version.Model, version.Version) is { Json: { } json } stored)
        {
            try
            {
                var estimator = MonitoringJson.Deserialize<PerformanceEstimator>(json);
                if (estimator.Cbpe is not null || estimator.Dle is not null)
                {
                    return new VersionEstimator(version.Model, version.Version, VersionEstimator.Refitted, estimator, null) { Refit = stored with { Json = null } };
                }

                unreadable = "it holds no model";
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentException)
            {
                unreadable = e.Message;
            }
        }

        var bundle = EstimatorFile.TryRead(version, out var why);
        var fallback = unreadable is null ? null : $"the refitted estimator of version {version.Version} cannot be read ({unreadable}); the bundle's is used";
        return bundle is null
            ? new VersionEstimator(version.Model, version.Version, VersionEstimator.None, null, fallback is null ? why : fallback + "; " + why)
            : new VersionEstimator(version.Model, version.Version, VersionEstimator.Bundle, bundle, fallback);
    }

    /// <summary>The result with its estimate marked by <paramref name="estimator"/>'s source, and a note when the estimator was refitted.</summary>
    public static MonitoringResult Annotate(MonitoringResult result, VersionEstimator estimator)
    {
        if (result.EstimatedPerformance is not { } estimated)
        {
            return result;
        }

        var notes = estimator.Source != VersionEstimator.None && estimator.Note is { } note ? [.. estimated.Notes, note] : estimated.Notes;
        return result with { EstimatedPerformance = estimated with { EstimatorSource = estimator.Source, Notes = notes } };
    }
}
