using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vigil.Server.Api.Ingestion;
using Vigil.Server.Scheduling;
using Vigil.Server.Security;

namespace Vigil.Server.Api;

/// <summary>The JSON API under /api/v1, plus /health, /ready and the OpenAPI document at /openapi/v1.json.</summary>
public static class ApiEndpoints
{
    public static IServiceCollection AddVigilApi(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IValidateOptions<ServerOptions>, StreamSettingsValidation>();
        services.AddSingleton<IValidateOptions<ServerOptions>, RetrainOptionsValidation>();
        services.AddSingleton<IValidateOptions<ServerOptions>, IngestGroupsValidation>();
        services.AddSingleton<WorkspaceHost>();
        services.AddSingleton<IngestWriter>();
        services.AddSingleton<ChampionSchemas>();
        services.AddSingleton<ApiKeyRing>();
        services.AddSingleton<CheckRunner>();
        services.AddSingleton<StreamWatcher>();
        services.AddSingleton(sp => new SchedulerCursor(sp.GetRequiredService<WorkspaceHost>().Workspace.Folder));
        services.AddSingleton<IScheduledCheckFailures>(sp => sp.GetRequiredService<SchedulerCursor>()); // a cluster node reads its grains instead
        services.AddSingleton<RetrainCoordinator>();
        services.AddHostedService(sp => sp.GetRequiredService<RetrainCoordinator>());
        services.AddHostedService<CheckScheduler>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());
        services.AddHostedService<ShadowScorer>();
        services.AddHostedService<WalCheckpointer>();
        services.AddExceptionHandler<ProblemMapping>();
        services.AddOpenApi();
        services.Configure<JsonOptions>(o =>
        {
            // snake_case like every other Vigil JSON; NaN metrics are legal values here.
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            o.SerializerOptions.Converters.Add(new IsoTimestampConverter()); // a time without an offset is UTC, as in ingestion
        });
        return services;
    }

    public static WebApplication MapVigilApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        HealthEndpoints.Map(app);
        app.MapOpenApi();
        var models = app.MapGroup("/api/v1/models").WithTags("models");
        ModelEndpoints.Map(models);
        IngestEndpoints.Map(models);
        CheckEndpoints.Map(models);
        RetrainEndpoints.Map(models);
        ReportEndpoints.Map(models);
        WatchEndpoints.Map(models);
        EstimatorEndpoints.Map(models);
        ShadowEndpoints.Map(models);
        AlertEndpoints.Map(app, models);
        return app;
    }
}
