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
        var latest = store.ListChecks(model, 1).Select(c => (Record: c, Result: StoredResults.Check(c))).FirstOrDefault();
        return new ModelPageData
        {
            Report = report,
            LatestCheck = latest.Result is null ? null : (latest.Record, latest.Result),
            Decisions = store.ListDecisions(model, RecentRows).Select(d => (d, StoredResults.Decision(d))).ToArray(),
            Retrains = store.ListRetrains(model, RecentRows),
            RegistryEvents = monitor.Workspace.Registry.Events(model),
        };
    }
}
