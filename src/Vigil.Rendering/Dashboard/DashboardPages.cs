using Vigil.Rendering.Components.Dashboard;
using Vigil.Rendering.Html;

namespace Vigil.Rendering.Dashboard;

/// <summary>
/// The dashboard's pages as HTML: overview, model, column and error pages. Plain HTML with inline CSS and SVG, no
/// script and no external requests; the service adds the security headers.
/// </summary>
public static class DashboardPages
{
    public static Task<string> OverviewAsync(IReadOnlyList<ModelStatus> models, DateTimeOffset now) =>
        PageRenderer.RenderAsync<OverviewPage>(new Dictionary<string, object?>
        {
            [nameof(OverviewPage.Models)] = models,
            [nameof(OverviewPage.Now)] = now,
        });

    public static Task<string> ModelAsync(ModelPageData data, DateTimeOffset now) =>
        PageRenderer.RenderAsync<ModelPage>(new Dictionary<string, object?>
        {
            [nameof(ModelPage.Data)] = data,
            [nameof(ModelPage.Now)] = now,
        });

    /// <param name="history">Recent checks that compared the column, oldest first; must not be empty.</param>
    /// <param name="selectedId">The check to show; the latest when null or not in the history.</param>
    public static Task<string> ColumnAsync(string model, string column, IReadOnlyList<ColumnCheck> history, long? selectedId, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfZero(history.Count, nameof(history));
        return PageRenderer.RenderAsync<ColumnPage>(new Dictionary<string, object?>
        {
            [nameof(ColumnPage.Model)] = model,
            [nameof(ColumnPage.Column)] = column,
            [nameof(ColumnPage.History)] = history,
            [nameof(ColumnPage.SelectedId)] = selectedId,
            [nameof(ColumnPage.Now)] = now,
        });
    }

    /// <summary>Recent alerts of every model with their delivery, and the configured channels.</summary>
    public static Task<string> AlertsAsync(IReadOnlyList<Vigil.Monitoring.Alerts.Alert> alerts, IReadOnlyList<AlertChannelSummary> channels, DateTimeOffset now) =>
        PageRenderer.RenderAsync<AlertsPage>(new Dictionary<string, object?>
        {
            [nameof(AlertsPage.Alerts)] = alerts,
            [nameof(AlertsPage.Channels)] = channels,
            [nameof(AlertsPage.Now)] = now,
        });

    public static Task<string> ErrorAsync(string title, string message, DateTimeOffset now) =>
        PageRenderer.RenderAsync<ErrorPage>(new Dictionary<string, object?>
        {
            [nameof(ErrorPage.Title)] = title,
            [nameof(ErrorPage.Message)] = message,
            [nameof(ErrorPage.Now)] = now,
        });
}
