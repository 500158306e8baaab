using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Server.Api;

/// <summary>The JSON API under /api/v1, plus /health and /ready.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddVigilApi(this IServiceCollection services) => services;

    public static WebApplication MapVigilApi(this WebApplication app) => app;
}
