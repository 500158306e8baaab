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

    /// <summary>Retrain triggers and gates.</summary>
    public RetrainPolicy Policy { get; init; } = new();

    /// <summary>The online change detectors on each model's error and score streams.</summary>
    public StreamOptions Streams { get; init; } = new();

    /// <summary>What an acknowledged write survives; default <see cref="WorkspaceDurability.Full"/> (power loss).</summary>
    public WorkspaceDurability Durability { get; init; } = WorkspaceDurability.Full;
}
