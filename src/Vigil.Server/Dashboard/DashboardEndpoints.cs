using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Monitoring;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Workspace;
using Vigil.Rendering.Dashboard;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Stores;

namespace Vigil.Server.Dashboard;

/// <summary>
/// Server-rendered dashboard pages: <c>/</c> (all models), <c>/alerts</c> (recent alerts and channels), <c>/models/{name}</c> (one model) and
/// <c>/models/{name}/columns/{column}</c> (one column's drift). Plain HTML with inline CSS and SVG; no script, no
/// external requests. The pages read the <see cref="VigilMonitor"/> registered in DI.
/// </summary>
public static class DashboardEndpoints
{
    // Checks the column page looks back over; matches the model page's heatmap so every cell's link resolves.
    private const int ColumnHistory = 40;

    // Alerts the all-models page lists; older ones are in the API (?before= pages).
    private const int RecentAlerts = 100;

    public static IServiceCollection AddVigilDashboard(this IServiceCollection services) => services;

    public static WebApplication MapVigilDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Cast: a bare (HttpContext) handler would bind as a RequestDelegate and drop the returned page.
        var pages = app.MapGroup("").AddEndpointFilter(StoreOutagePage);
        pages.MapGet("/", (Func<HttpContext, Task<IResult>>)Overview).ExcludeFromDescription();
        pages.MapGet("/alerts", (Func<HttpContext, Task<IResult>>)Alerts).ExcludeFromDescription();
        pages.MapGet("/models/{name}", Model).ExcludeFromDescription();
        pages.MapGet("/models/{name}/columns/{column}", Column).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Overview(HttpContext context)
    {
        if (Monitor(context) is not { } monitor)
        {
            return await Unavailable(context);
        }

        var models = monitor.Workspace.Registry.ListModels().Select(m => DashboardData.Status(monitor, m)).ToArray();
        return Page(context, await DashboardPages.OverviewAsync(models, Now(context)));
    }

    private static async Task<IResult> Alerts(HttpContext context)
    {
        if (Monitor(context) is not { } monitor)
        {
            return await Unavailable(context);
        }

        var settings = context.RequestServices.GetService<AlertSettings>();
        var channels = (settings?.Webhooks ?? []).Select(AlertChannels.Summary).ToArray();
        return Page(context, await DashboardPages.AlertsAsync(monitor.Workspace.Store.ListAlerts(null, RecentAlerts), channels, Now(context)));
    }

    private static async Task<IResult> Model(HttpContext context, string name)
    {
        if (Monitor(context) is not { } monitor)
        {
            return await Unavailable(context);
        }

        if (!Exists(monitor, name))
        {
            return await NotFound(context, name);
        }

        return Page(context, await DashboardPages.ModelAsync(DashboardData.ModelPage(monitor, name), Now(context)));
    }

    private static async Task<IResult> Column(HttpContext context, string name, string column, long? check)
    {
        if (Monitor(context) is not { } monitor)
        {
            return await Unavailable(context);
        }

        if (!Exists(monitor, name))
        {
            return await NotFound(context, name);
        }

        // Kestrel leaves an encoded '/' (%2F) undecoded in the path; column names may hold one.
        column = column.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var history = new List<ColumnCheck>();
        foreach (var (record, result) in StoredResults.RecentChecks(monitor.Workspace.Store, name, ColumnHistory))
        {
            if (result.Drift.Features.Columns.FirstOrDefault(c => !c.IsLabel && string.Equals(c.Name, column, StringComparison.Ordinal)) is { } drift)
            {
                history.Add(new ColumnCheck(record, result, drift));
            }
        }

        if (history.Count == 0)
        {
            return await Error(context, StatusCodes.Status404NotFound, "Column not found",
                $"No recent check of model '{name}' compared a column named '{column}'.");
        }

        return Page(context, await DashboardPages.ColumnAsync(name, column, history, check, Now(context)));
    }

    private static bool Exists(VigilMonitor monitor, string name) =>
        ModelName.IsValid(name) && monitor.Workspace.Registry.ListModels().Contains(name, StringComparer.Ordinal);

    private static VigilMonitor? Monitor(HttpContext context) => Monitor(context.RequestServices);

    /// <summary>The workspace's monitor: a <see cref="VigilMonitor"/> registered directly, else the API's <see cref="WorkspaceHost"/>'s.</summary>
    internal static VigilMonitor? Monitor(IServiceProvider services) =>
        services.GetService<VigilMonitor>() ?? services.GetService<WorkspaceHost>()?.Monitor;

    private static DateTimeOffset Now(HttpContext context) =>
        (context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();

    private static Task<IResult> NotFound(HttpContext context, string name) =>
        Error(context, StatusCodes.Status404NotFound, "Model not found", ModelName.IsValid(name)
            ? $"There is no model named '{name}' in this workspace."
            : $"'{name}' is not a valid model name (letters, digits, '.', '_' and '-', at most 64 characters).");

    private static Task<IResult> Unavailable(HttpContext context) =>
        Error(context, StatusCodes.Status503ServiceUnavailable, "No workspace", "The server has no Vigil workspace open.");

    // A browser gets a page, not the API's JSON problem, while the store does not answer (the API's answer is the
    // same 503 with Retry-After: ProblemMapping).
    private static async ValueTask<object?> StoreOutagePage(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        try
        {
            return await next(invocation);
        }
        catch (Exception e) when (StoreFaults.IsUnavailable(e))
        {
            invocation.HttpContext.Response.Headers.RetryAfter = ProblemMapping.RetryAfterSeconds;
            return await Error(invocation.HttpContext, StatusCodes.Status503ServiceUnavailable, "Store unavailable",
                "The workspace's database does not answer. Reload this page in a moment; /ready says when it answers again.");
        }
    }

    private static async Task<IResult> Error(HttpContext context, int status, string title, string message) =>
        Page(context, await DashboardPages.ErrorAsync(title, message, Now(context)), status);

    // Content-Security-Policy, nosniff and no-store come from Security.SecurityHeaders, for every response alike.
    private static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK) =>
        Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
