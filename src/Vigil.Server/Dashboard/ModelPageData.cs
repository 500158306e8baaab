using Vigil.Monitoring;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Reports.Model;
using Vigil.Monitoring.Store;

namespace Vigil.Server.Dashboard;

/// <summary>Everything the model page shows: the report (shared with <c>vigil report</c>) plus the raw history it summarises.</summary>
internal sealed record ModelPageData
{
    // Decisions and retrain runs listed on the page; older ones are in the API.
    private const int RecentRows = 20;

    public required ModelReport Report { get; init; }

    public (CheckRecord Record, MonitoringResult Result)? LatestCheck { get; init; }

    public IReadOnlyList<(DecisionRecord Record, RetrainDecision? Decision)> Decisions { get; init; } = [];

    public IReadOnlyList<RetrainRun> Retrains { get; init; } = [];

    public IReadOnlyList<RegistryEvent> RegistryEvents { get; init; } = [];

    public static ModelPageData Load(VigilMonitor monitor, string model)
    {
        var store = monitor.Workspace.Store;
        var report = monitor.Report(model);
        var latest = store.ReadChecks(model, 1).FirstOrDefault();
        return new ModelPageData
        {
            Report = report,
            LatestCheck = latest is { Result: { } result } ? (latest.Record, result) : null,
            Decisions = store.ReadDecisions(model, RecentRows).Select(d => (d.Record, d.Decision)).ToArray(),
            Retrains = store.ListRetrains(model, RecentRows),
            RegistryEvents = monitor.Workspace.Registry.Events(model),
        };
    }
}
