using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Vigil.Server.Telemetry;

namespace Vigil.Server.Tests.Telemetry;

/// <summary><c>Vigil:Telemetry</c>: off without an endpoint, refused in one line when the endpoint is not an http(s) URI.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("collector:4317")]
    [InlineData("ftp://collector:4317")]
    [InlineData("/v1/traces")]
    [InlineData("http//collector:4317")]
    [InlineData("otel-collector")]
    public void An_endpoint_that_is_not_an_absolute_http_uri_stops_the_service_from_starting(string endpoint)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new() { ["Vigil:Telemetry:OtlpEndpoint"] = endpoint }));
        Assert.Equal($"Vigil:Telemetry:OtlpEndpoint '{endpoint}' is not an absolute http or https URI (e.g. http://otel-collector:4317).", error.Message);
    }

    [Fact]
    public void An_unknown_protocol_stops_the_service_from_starting()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Build(new()
        {
            ["Vigil:Telemetry:OtlpEndpoint"] = "http://127.0.0.1:4317",
            ["Vigil:Telemetry:Protocol"] = "thrift",
        }));
        Assert.Equal("Vigil:Telemetry:Protocol 'thrift' is not 'grpc' or 'http/protobuf'.", error.Message);
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_registered_and_with_one_traces_and_metrics_are()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-telemetry-").FullName;
        try
        {
            await using (var off = Build(new() { ["Vigil:Workspace"] = folder, ["Vigil:Telemetry:ServiceName"] = "ignored without endpoint" }))
            {
                Assert.Null(off.Services.GetService<TracerProvider>());
                Assert.Null(off.Services.GetService<MeterProvider>());
            }

            await using var receiver = await OtlpReceiver.StartAsync(); // the final export on disposal goes somewhere real
            await using var on = Build(new()
            {
                ["Vigil:Workspace"] = folder,
                ["Vigil:Telemetry:OtlpEndpoint"] = receiver.Address.ToString(),
                ["Vigil:Telemetry:Protocol"] = "http/protobuf",
            });
            Assert.NotNull(on.Services.GetService<TracerProvider>());
            Assert.NotNull(on.Services.GetService<MeterProvider>());
        }
        finally
        {
            RunningServer.TryDelete(folder);
        }
    }

    [Theory]
    [InlineData("http://collector:4317", null, "http://collector:4317/", "http://collector:4317/")]
    [InlineData("https://collector:4318/", "http/protobuf", "https://collector:4318/v1/traces", "https://collector:4318/v1/metrics")]
    [InlineData("http://collector:4318/otlp", "HTTP/PROTOBUF", "http://collector:4318/otlp/v1/traces", "http://collector:4318/otlp/v1/metrics")]
    public void Each_signal_goes_to_the_endpoint_or_for_http_to_its_path_under_it(string endpoint, string? protocol, string traces, string metrics)
    {
        var settings = TelemetrySettings.From(new TelemetryOptions { OtlpEndpoint = endpoint, Protocol = protocol });
        Assert.Equal(protocol is null ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf, settings.Protocol);
        Assert.Equal(new Uri(traces), settings.SignalEndpoint("v1/traces"));
        Assert.Equal(new Uri(metrics), settings.SignalEndpoint("v1/metrics"));
        Assert.Equal(TelemetrySettings.DefaultServiceName, settings.ServiceName);
    }

    private static Microsoft.AspNetCore.Builder.WebApplication Build(Dictionary<string, string?> settings) =>
        VigilServer.Build([], builder => builder.Configuration.AddInMemoryCollection(settings));
}
