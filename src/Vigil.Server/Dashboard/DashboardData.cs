using Vigil.Monitoring;
using Vigil.Monitoring.Reporting;
using Vigil.Rendering.Dashboard;

namespace Vigil.Server.Dashboard;

/// <summary>Reads what the dashboard pages show from the workspace; Vigil.Rendering draws it.</summary>
internal static class DashboardData
{
    // Enough checks for the overview's sparkline; the overview must stay cheap with many models.
    private const int RecentChecks = 30;

    // Decisions and retrain runs listed on the model page; older ones are in the API.
    private const int RecentRows = 20;

    /// <summary>One overview row; a model whose history cannot be read gets a row that says so.</summary>
    public static ModelStatus Status(VigilMonitor monitor, string model)
    {
        try
        {
            var report = ReportBuilder.Build(monitor.Workspace, model, null, RecentChecks);
            var latestEntry = monitor.Workspace.Store.ReadChecks(model, 1).FirstOrDefault();
            var latestRecord = latestEntry?.Record;
            var latest = latestEntry?.Result;
            var series = report.MetricTimeline.FirstOrDefault(s => s.Metric == report.PrimaryMetric);
            return new ModelStatus
            {
                Model = model,
                Status = latestRecord is null ? null : report.Summary.LatestStatus,
                Champion = report.Champion,
                LastCheck = latestRecord?.RanAt,
                DriftShare = latest?.Drift.DriftedShare,
                DriftedColumns = latest?.Drift.DriftedColumns.Count ?? 0,
                ComparedColumns = latest?.Drift.Features.Columns.Count(c => !c.IsLabel) ?? 0,
                PrimaryMetric = report.PrimaryMetric,
                LatestValue = report.Summary.LatestValue,
                Baseline = report.Summary.Baseline,
                HigherIsBetter = series?.HigherIsBetter ?? true,
                RecentValues = series?.Points.Select(p => p.Value).Where(double.IsFinite).ToArray() ?? [],
                Checks = report.Summary.TotalEvaluations,
            };
        }
        catch (Exception e) when (e is Vigil.Monitoring.Workspace.WorkspaceInputException or IOException or InvalidOperationException)
        {
            return new ModelStatus { Model = model, PrimaryMetric = "", Error = e.Message };
        }
    }

    /// <summary>Everything the model page shows: the report plus the raw history it summarises.</summary>
    public static ModelPageData ModelPage(VigilMonitor monitor, string model)
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
            Alerts = store.ListAlerts(model, RecentRows),
        };
    }
}
