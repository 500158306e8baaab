using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Vigil.Server.Tests.Telemetry;

/// <summary>
/// A server exporting over OTLP/HTTP to an <see cref="OtlpReceiver"/> (Vigil:Telemetry set as a user would), with an
/// in-memory exporter added to the same tracer provider so tests can read the spans. Models get names no other test
/// uses, since span listeners are process-wide.
/// </summary>
public sealed class TelemetryServer : IAsyncLifetime
{
    public const string Model = "otel-churn";

    private OtlpReceiver? _receiver;
    private RunningServer? _server;

    internal SpanRecorder Spans { get; } = new();

    internal RunningServer Server => _server ?? throw new InvalidOperationException("not started");

    internal OtlpReceiver Receiver => _receiver ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync();
        _server = await RunningServer.StartAsync(
            new Dictionary<string, string?>
            {
                ["Vigil:Telemetry:OtlpEndpoint"] = _receiver.Address.ToString(),
                ["Vigil:Telemetry:Protocol"] = "http/protobuf",
                ["Vigil:Telemetry:ServiceName"] = "vigil-telemetry-test",
            },
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
        await Server.RegisterAsync(Model, "imports/otel");
        await LogAsync(Model, 300);
    }

    /// <summary>Logs <paramref name="rows"/> predictions and their labels for <paramref name="model"/>.</summary>
    internal async Task LogAsync(string model, int rows)
    {
        await RunningServer.Expect(await Server.Writer.PostAsync($"/api/v1/models/{model}/predictions", RunningServer.Json(TrainedModel.Rows(0, rows))), 200);
        await RunningServer.Expect(await Server.Writer.PostAsync($"/api/v1/models/{model}/labels", RunningServer.Json(TrainedModel.Labels(0, rows))), 200);
    }

    internal async Task<long> CheckAsync(string model, int expectedStatus)
    {
        var answer = await RunningServer.Expect(await Server.Writer.PostAsJsonAsync($"/api/v1/models/{model}/checks", new { last = 200 }), expectedStatus);
        return expectedStatus == 201 ? (long)answer["check"]!["id"]! : 0;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }
    }
}
