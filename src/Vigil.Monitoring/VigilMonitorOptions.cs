using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Streams;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring;

/// <summary>Settings of a <see cref="VigilMonitor"/>: how windows are checked and when to retrain.</summary>
public sealed record VigilMonitorOptions
{
    /// <summary>Drift, quality and performance settings.</summary>
    public MonitoringOptions Monitoring { get; init; } = new();

    /// <summary>
    /// Watched metrics per model name (appsettings <c>Vigil:Watch:Models:NAME</c>), for models that have none stored
    /// in the workspace; a stored setting (CLI, API, <see cref="VigilMonitor.SetWatched"/>) wins. Every metric must be
    /// one the model's task tracks. Models not listed use <see cref="PerformanceOptions.Watched"/> restricted to their
    /// task, else their task's default.
    /// </summary>
    public IReadOnlyDictionary<string, WatchedMetrics> WatchedByModel { get; init; } = new Dictionary<string, WatchedMetrics>(StringComparer.Ordinal);

    /// <summary>Retrain triggers and gates.</summary>
    public RetrainPolicy Policy { get; init; } = new();

    /// <summary>When a shadow is compared with its champion and promoted (see <see cref="ShadowPolicy"/>).</summary>
    public ShadowPolicy Shadow { get; init; } = new();

    /// <summary>The online change detectors on each model's error and score streams.</summary>
    public StreamOptions Streams { get; init; } = new();

    /// <summary>What an acknowledged write survives; default <see cref="WorkspaceDurability.Full"/> (power loss).</summary>
    public WorkspaceDurability Durability { get; init; } = WorkspaceDurability.Full;
}
