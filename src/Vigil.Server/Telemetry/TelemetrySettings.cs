using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;

namespace Vigil.Server.Telemetry;

/// <summary><see cref="TelemetryOptions"/> checked: a valid endpoint (or none), a known protocol, a service name.</summary>
internal sealed record TelemetrySettings(Uri? Endpoint, OtlpExportProtocol Protocol, string ServiceName)
{
    public const string Section = "Vigil:Telemetry";

    public const string DefaultServiceName = "vigil";

    /// <summary>
    /// Checks <paramref name="options"/>; a mistake is an <see cref="OptionsValidationException"/> whose message is
    /// one line naming the setting (the service refuses to start with it).
    /// </summary>
    public static TelemetrySettings From(TelemetryOptions? options)
    {
        var endpoint = options?.OtlpEndpoint?.Trim();
        Uri? uri = null;
        if (!string.IsNullOrEmpty(endpoint)
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host)))
        {
            throw Invalid($"{Section}:OtlpEndpoint '{endpoint}' is not an absolute http or https URI (e.g. http://otel-collector:4317).");
        }

        var protocol = options?.Protocol?.Trim().ToLowerInvariant() switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            _ => throw Invalid($"{Section}:Protocol '{options!.Protocol}' is not 'grpc' or 'http/protobuf'."),
        };

        var name = options?.ServiceName?.Trim();
        if (name is { Length: > 0 } && name.Any(char.IsControl))
        {
            throw Invalid($"{Section}:ServiceName contains a control character.");
        }

        return new TelemetrySettings(uri, protocol, string.IsNullOrEmpty(name) ? DefaultServiceName : name);
    }

    /// <summary>Where a signal goes: the endpoint itself for gRPC; the endpoint plus <c>v1/traces</c> or <c>v1/metrics</c> for HTTP.</summary>
    public Uri SignalEndpoint(string signalPath)
    {
        var endpoint = Endpoint ?? throw new InvalidOperationException("No OTLP endpoint is configured.");
        return Protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }

    private static OptionsValidationException Invalid(string message) =>
        new(Section, typeof(TelemetryOptions), [message]);
}
