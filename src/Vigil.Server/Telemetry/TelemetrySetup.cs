using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Vigil.Monitoring.Telemetry;

namespace Vigil.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the service: a span per API request (named by its route template, e.g.
/// <c>POST /api/v1/models/{name}/checks</c>), Vigil's own spans (checks, retrains, alert deliveries) and the
/// <c>Vigil</c> meter, exported over OTLP when <c>Vigil:Telemetry:OtlpEndpoint</c> is set. Without it nothing is
/// registered: no listener, so <c>StartActivity</c> returns null and instruments drop their measurements.
/// </summary>
public static class TelemetrySetup
{
    // Scraped or probed every few seconds; their spans would drown the requests that matter.
    private static readonly string[] Unsampled = ["/metrics", "/health", "/ready"];

    /// <summary>
    /// Reads and checks <c>Vigil:Telemetry</c> (an invalid setting throws an <see cref="Microsoft.Extensions.Options.OptionsValidationException"/>
    /// with a one-line message) and, when an endpoint is set, registers tracing and metrics with OTLP exporters.
    /// </summary>
    public static WebApplicationBuilder AddVigilTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = TelemetrySettings.From(builder.Configuration.GetSection(TelemetrySettings.Section).Get<TelemetryOptions>());
        if (settings.Endpoint is null)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(settings.ServiceName, serviceVersion: VigilTelemetry.Version))
            .WithTracing(tracing => tracing.AddVigilInstrumentation().AddOtlpExporter(otlp =>
            {
                otlp.Endpoint = settings.SignalEndpoint("v1/traces");
                otlp.Protocol = settings.Protocol;
            }))
            .WithMetrics(metrics => metrics.AddVigilInstrumentation().AddOtlpExporter(otlp =>
            {
                otlp.Endpoint = settings.SignalEndpoint("v1/metrics");
                otlp.Protocol = settings.Protocol;
            }));
        return builder;
    }

    /// <summary>
    /// Vigil's spans and ASP.NET Core's request spans, tagged with <c>vigil.model</c> on model routes. Exceptions
    /// of requests are not recorded as events: a refused batch's message can quote the rows it refused.
    /// </summary>
    public static TracerProviderBuilder AddVigilInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddSource(VigilTelemetry.Name).AddAspNetCoreInstrumentation(options =>
        {
            options.Filter = context => !IsUnsampled(context.Request.Path);
            options.RecordException = false;
            options.EnrichWithHttpResponse = (span, response) =>
            {
                if (response.HttpContext.GetRouteValue("name") is string model)
                {
                    span.SetTag(TelemetryTags.Model, model);
                }
            };
        });

    /// <summary>The <c>Vigil</c> meter and ASP.NET Core's request metrics (<c>http.server.request.duration</c>, …).</summary>
    public static MeterProviderBuilder AddVigilInstrumentation(this MeterProviderBuilder metrics) =>
        metrics.AddMeter(VigilTelemetry.Name).AddAspNetCoreInstrumentation();

    private static bool IsUnsampled(PathString path) =>
        Array.Exists(Unsampled, p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
