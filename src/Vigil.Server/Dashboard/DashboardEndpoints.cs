using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Dashboard;

/// <summary>Server-rendered dashboard pages.</summary>
public static class DashboardEndpoints
{
    public static IServiceCollection AddVigilDashboard(this IServiceCollection services) => services;

    public static WebApplication MapVigilDashboard(this WebApplication app) => app;
}
