using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Reporting.Model;
using Vigil.Monitoring.Store;

namespace Vigil.Rendering.Dashboard;

/// <summary>Everything the model page shows: the report (shared with <c>vigil report</c>) plus the raw history it summarises.</summary>
public sealed record ModelPageData
{
    public required ModelReport Report { get; init; }

    public (CheckRecord Record, MonitoringResult Result)? LatestCheck { get; init; }

    public IReadOnlyList<(DecisionRecord Record, RetrainDecision? Decision)> Decisions { get; init; } = [];

    public IReadOnlyList<RetrainRun> Retrains { get; init; } = [];

    public IReadOnlyList<RegistryEvent> RegistryEvents { get; init; } = [];

    /// <summary>The model's recent alerts with their delivery, newest first.</summary>
    public IReadOnlyList<Vigil.Monitoring.Alerts.Alert> Alerts { get; init; } = [];
}
