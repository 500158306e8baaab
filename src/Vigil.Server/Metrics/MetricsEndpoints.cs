using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Metrics;

/// <summary>Prometheus metrics at /metrics.</summary>
public static class MetricsEndpoints
{
    public static IServiceCollection AddVigilMetrics(this IServiceCollection services) => services;

    public static WebApplication MapVigilMetrics(this WebApplication app) => app;
}
