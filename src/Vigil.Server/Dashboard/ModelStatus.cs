using Vigil.Monitoring;
using Vigil.Monitoring.Reporting;
using Vigil.Monitoring.Reports.Model;

namespace Vigil.Server.Dashboard;

/// <summary>One row of the overview: the latest check's health and headline numbers for one model.</summary>
internal sealed record ModelStatus
{
    // Enough checks for the sparkline; the overview must stay cheap with many models.
    private const int RecentChecks = 30;

    public required string Model { get; init; }

    /// <summary><c>healthy</c>, <c>warning</c>, <c>alarm</c>, or null before the first check.</summary>
    public string? Status { get; init; }

    public VersionSummary? Champion { get; init; }

    public DateTimeOffset? LastCheck { get; init; }

    public double? DriftShare { get; init; }

    public int DriftedColumns { get; init; }

    public int ComparedColumns { get; init; }

    public required string PrimaryMetric { get; init; }

    public double? LatestValue { get; init; }

    public double? Baseline { get; init; }

    public bool HigherIsBetter { get; init; } = true;

    public IReadOnlyList<double> RecentValues { get; init; } = [];

    public int Checks { get; init; }

    /// <summary>Set when the model's history could not be read; the row says so instead of breaking the page.</summary>
    public string? Error { get; init; }

    public static ModelStatus Read(VigilMonitor monitor, string model)
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
}
