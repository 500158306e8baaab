using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Server.Api;
using Vigil.Server.Dashboard;
using Vigil.Server.Metrics;

namespace Vigil.Server;

/// <summary>
/// Builds the Vigil web application: the JSON API under <c>/api/v1</c>, the dashboard, <c>/metrics</c>,
/// <c>/health</c> and <c>/ready</c>, and the background scheduler. <c>vigil serve</c> calls <see cref="Build"/>.
/// </summary>
public static class VigilServer
{
    /// <param name="args">Command-line configuration (e.g. <c>--urls</c>, <c>--Vigil:Workspace</c>).</param>
    /// <param name="configure">Last-chance changes to the builder (tests use it to set the workspace and keys).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<ServerOptions>(builder.Configuration.GetSection("Vigil"));
        builder.Services.AddProblemDetails();
        builder.Services.AddVigilApi();
        builder.Services.AddVigilDashboard();
        builder.Services.AddVigilMetrics();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapVigilApi();
        app.MapVigilDashboard();
        app.MapVigilMetrics();
        return app;
    }
}
