using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Vigil.Server.Alerts;

/// <summary>Registers alert delivery: the settings, the resilient HttpClient and the sender (the service adds the dispatcher).</summary>
public static class AlertServices
{
    /// <summary>Delivery plus the service's dispatcher.</summary>
    public static IServiceCollection AddVigilAlerts(this IServiceCollection services, AlertSettings settings)
    {
        services.AddVigilAlertDelivery(settings);
        services.AddSingleton<AlertDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertDispatcher>());
        return services;
    }

    public static IServiceCollection AddVigilAlertDelivery(this IServiceCollection services, AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName, client =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts bound each request
                client.DefaultRequestHeaders.UserAgent.ParseAdd("Vigil-Alerts/1.0");
            })
            .AddResilienceHandler("vigil-alerts", builder =>
            {
                if (settings.RetriesPerAttempt > 0)
                {
                    // Transient answers (5xx, 408, 429 with its Retry-After), network errors and timeouts are retried
                    // at once, with exponential backoff and jitter; a longer outage is the outbox's business.
                    builder.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.RetriesPerAttempt,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = settings.RetryDelay,
                    });
                }

                builder.AddTimeout(settings.AttemptTimeout);
            });
        return services;
    }
}
