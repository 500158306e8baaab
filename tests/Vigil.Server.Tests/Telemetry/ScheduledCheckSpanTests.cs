using System.Diagnostics;
using OpenTelemetry.Trace;
using Vigil.Monitoring.Telemetry;

namespace Vigil.Server.Tests.Telemetry;

/// <summary>A check the scheduler starts has its own trace: a root <c>vigil.check</c> span tagged <c>scheduler</c>.</summary>
public sealed class ScheduledCheckSpanTests
{
    [Fact]
    public async Task A_scheduled_check_is_a_root_span_triggered_by_the_scheduler()
    {
        const string Model = "otel-scheduled";
        var spans = new SpanRecorder();
        var settings = SchedulerTests.Scheduled(200);
        settings["Vigil:Scheduler:AutoRetrain"] = "false";
        await using var receiver = await OtlpReceiver.StartAsync();
        settings["Vigil:Telemetry:OtlpEndpoint"] = receiver.Address.ToString();
        settings["Vigil:Telemetry:Protocol"] = "http/protobuf";
        var clock = SchedulerClock.Start();
        await using var server = await RunningServer.StartAsync(settings, time: clock.Time,
            configure: builder => builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)));
        await SchedulerClock.FirstPassAsync(server);
        await server.RegisterAsync(Model);
        await RunningServer.Expect(await server.Writer.PostAsync($"/api/v1/models/{Model}/predictions", RunningServer.Json(TrainedModel.Rows(0, 200))), 200);
        await clock.TickAsync(server, TimeSpan.FromSeconds(1));

        var check = await spans.WaitFor(s => s.OperationName == SpanNames.Check && Equals(s.GetTagItem(TelemetryTags.Model), Model), "scheduled vigil.check");
        Assert.Equal("scheduler", check.GetTagItem(TelemetryTags.CheckTrigger));
        Assert.Equal("1", check.GetTagItem(TelemetryTags.Version));
        Assert.Contains((string?)check.GetTagItem(TelemetryTags.CheckStatus), new[] { "healthy", "warning", "alarm" });
        Assert.Equal(default, check.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, check.Status);
    }
}
