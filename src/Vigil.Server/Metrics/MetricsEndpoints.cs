using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;
using Vigil.Server.Dashboard;

namespace Vigil.Server.Metrics;

/// <summary>
/// Prometheus metrics at <c>/metrics</c> (text exposition format): the <c>vigil_*</c> metrics of
/// <see cref="VigilMetrics"/>, refreshed from the workspace on every scrape, plus prometheus-net's process and
/// runtime metrics (<c>process_*</c>, <c>dotnet_*</c>). The .NET EventCounter and Meter bridges are switched off:
/// they export hundreds of ASP.NET/Kestrel series nobody asked for.
/// </summary>
public static class MetricsEndpoints
{
    private static int _configured;

    public static IServiceCollection AddVigilMetrics(this IServiceCollection services)
    {
        // Global to the process and only effective before the first scrape, hence once and at startup.
        if (Interlocked.Exchange(ref _configured, 1) == 0)
        {
            Prometheus.Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
            {
                SuppressProcessMetrics = false,
                SuppressDebugMetrics = true,
                SuppressEventCounters = true,
                SuppressMeters = true, // also keeps the Vigil meter's instruments (VigilMeter) out of /metrics
            });
        }

        VigilMeter.Publish();

        return services;
    }

    public static WebApplication MapVigilMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Gauges right from the first scrape after a restart, even before any check runs in this process.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            RefreshQuietly(app.Services, app.Logger);
            // The meter's gauges (OTLP export) are refreshed the same way when observed, while this server runs.
            var forget = VigilMeter.RefreshWith(() => RefreshQuietly(app.Services, app.Logger));
            app.Lifetime.ApplicationStopping.Register(forget);
        });
        app.MapGet("/metrics", Scrape).ExcludeFromDescription();
        return app;
    }

    private static async Task Scrape(HttpContext context)
    {
        RefreshQuietly(context.RequestServices, null);
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await Prometheus.Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    // A workspace that cannot be read (or a server being disposed) must not take the process metrics down with it.
    private static void RefreshQuietly(IServiceProvider services, ILogger? logger)
    {
        try
        {
            if (DashboardEndpoints.Monitor(services) is { } monitor)
            {
                VigilMetrics.Refresh(monitor);
            }

            if (services.GetService<Vigil.Cluster.Nodes.ClusterView>() is { } cluster && services.GetService<Vigil.Cluster.Nodes.GrainGauges>() is { } grains)
            {
                VigilMetrics.RefreshCluster(cluster.Silo.ToString(), cluster.ActiveSilos, grains.Pending);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            logger?.LogWarning(e, "Could not refresh the vigil_* gauges from the workspace.");
        }
    }
}
