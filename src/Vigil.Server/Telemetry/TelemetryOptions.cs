namespace Vigil.Server.Telemetry;

/// <summary>
/// OpenTelemetry export, bound from <c>Vigil:Telemetry</c>. Nothing is exported (and spans are not even created)
/// unless <see cref="OtlpEndpoint"/> is set. The exporter's standard environment variables
/// (<c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_EXPORTER_OTLP_TIMEOUT</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>) still apply.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The OTLP receiver (an OpenTelemetry Collector, Jaeger, …), an absolute http(s) URI such as
    /// <c>http://otel-collector:4317</c>. Unset (default): no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default, port 4317 by convention) or <c>http/protobuf</c> (port 4318; the signal paths
    /// <c>/v1/traces</c> and <c>/v1/metrics</c> are appended to the endpoint).</summary>
    public string? Protocol { get; set; }

    /// <summary>The <c>service.name</c> of the exported resource. Default <c>vigil</c>.</summary>
    public string? ServiceName { get; set; }
}
