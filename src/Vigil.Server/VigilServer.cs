using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Server.Alerts;
using Vigil.Server.Api;
using Vigil.Server.Cluster;
using Vigil.Server.Dashboard;
using Vigil.Server.Metrics;
using Vigil.Server.Security;
using Vigil.Server.Telemetry;

namespace Vigil.Server;

/// <summary>
/// Builds the Vigil web application: the JSON API under <c>/api/v1</c>, the dashboard, <c>/metrics</c>,
/// <c>/health</c> and <c>/ready</c>, the background scheduler, and OpenTelemetry export when configured. <c>vigil serve</c> calls <see cref="Build"/>.
/// </summary>
public static class VigilServer
{
    /// <param name="args">Command-line configuration (e.g. <c>--urls</c>, <c>--Vigil:Workspace</c>).</param>
    /// <param name="configure">Last-chance changes to the builder (tests use it to set the workspace and keys).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings*.json are read once. Reloading them on change would watch the content root — the working folder,
        // where the default workspace .vigil lives — recursively, and every write to the store would wake the watcher
        // (about 1,000 times a second under ingestion). Nothing in Vigil reads options as they change.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        // Per-request logs at Information would cost more than the ingestion itself; configuration can lower this.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection("Vigil"));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>(
            (kestrel, vigil) => kestrel.Limits.MaxRequestBodySize = vigil.Value.MaxRequestBytes);
        // Graceful stop: in-flight requests finish and running retrains are cancelled and recorded within this time.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddProblemDetails();
        // A body the binder cannot read (wrong types, not JSON) throws, so ProblemMapping answers with the reason.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddVigilApi();
        builder.Services.AddVigilDashboard();
        builder.Services.AddVigilMetrics();
        configure?.Invoke(builder);
        // Channels are checked before anything starts: a mistake refuses to start, in one line (AlertConfigurationException).
        builder.Services.AddVigilAlerts(AlertSettings.Read(builder.Configuration));
        builder.AddVigilTelemetry(); // after configure, so settings a caller adds there are read
        builder.AddVigilCluster(); // only with Vigil:Cluster:Enabled (vigil serve --cluster)

        var app = builder.Build();
        var keys = app.Services.GetRequiredService<ApiKeyRing>(); // invalid key scopes fail at start, not on first request
        if (keys.IsOpen)
        {
            app.Logger.LogWarning("No API keys configured (Vigil:ApiKeys): the API is open to anyone who can reach it. Use this only for development.");
        }

        _ = app.Services.GetRequiredService<WorkspaceHost>(); // open (and repair) the workspace before accepting requests
        app.UseMiddleware<SecurityHeaders>(); // first, so every response carries them, errors included
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<ApiKeyMiddleware>();
        app.UseMiddleware<JsonBodyGuard>();
        app.MapVigilApi();
        app.MapVigilDashboard();
        app.MapVigilMetrics();
        return app;
    }
}
