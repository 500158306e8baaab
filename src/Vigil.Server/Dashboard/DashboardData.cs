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
            var latestRecord = monitor.Workspace.Store.ListChecks(model, 1).FirstOrDefault();
            var latest = latestRecord is null ? null : StoredResults.Check(latestRecord);
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
