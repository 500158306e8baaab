using System.Collections.Concurrent;
using System.Diagnostics;
using Vigil.Monitoring.Telemetry;

namespace Vigil.Server.Tests.Alerts;

/// <summary>The dispatcher traces each delivery attempt as a vigil.alert.deliver span: a failed attempt as "retry" (an error), the accepted one as "delivered".</summary>
public sealed class AlertSpanDeliveryTests
{
    [Fact]
    public async Task Each_attempt_is_a_span_with_its_outcome_and_only_the_channel_name()
    {
        var channel = "span-" + Guid.NewGuid().ToString("N")[..8]; // other tests run beside this one: their spans have other channels
        var spans = new ConcurrentQueue<Activity>();
        // The delivery is recorded before its span ends, so the test waits for the span itself, not only the record.
        var deliveredSpan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // One attempt makes several quick HTTP tries: the receiver refuses until a whole attempt has ended as a retry.
        var retrySpan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VigilTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                if (span.OperationName == SpanNames.AlertDelivery && (string?)span.GetTagItem(TelemetryTags.AlertChannel) == channel)
                {
                    spans.Enqueue(span);
                    var outcome = (string?)span.GetTagItem(TelemetryTags.AlertOutcome);
                    if (outcome == "delivered")
                    {
                        deliveredSpan.TrySetResult();
                    }
                    else if (outcome == "retry")
                    {
                        retrySpan.TrySetResult();
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Status = 503;
        var settings = AlertTestSupport.Channel(receiver.Url("/token-in-path"), "alarm");
        settings["Vigil:Alerts:Webhooks:0:Name"] = channel;
        await using var server = await RunningServer.StartAsync(settings);
        await server.RegisterAsync("churn");
        Assert.Equal("alarm", await AlertTestSupport.CheckWindowAsync(server, 0, drift: true));
        await receiver.WaitForAsync(1);
        await retrySpan.Task.WaitAsync(TimeSpan.FromSeconds(60));
        receiver.Status = 200;
        await AlertTestSupport.WaitForAlertsAsync(server, a => a.Any(x => (string)x!["delivery"]! == "delivered"), "the alarm to be delivered");
        await deliveredSpan.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var traced = spans.ToArray();
        Assert.True(traced.Length >= 2, $"{traced.Length} spans");
        Assert.All(traced[..^1], s => Assert.Equal(("retry", ActivityStatusCode.Error, 503),
            ((string)s.GetTagItem(TelemetryTags.AlertOutcome)!, s.Status, (int)s.GetTagItem(TelemetryTags.HttpStatusCode)!)));
        Assert.Equal(("delivered", "alarm", "churn"), ((string)traced[^1].GetTagItem(TelemetryTags.AlertOutcome)!,
            (string)traced[^1].GetTagItem(TelemetryTags.AlertEvent)!, (string)traced[^1].GetTagItem(TelemetryTags.Model)!));
        Assert.Equal(Enumerable.Range(1, traced.Length), traced.Select(s => (int)s.GetTagItem(TelemetryTags.AlertAttempt)!));
        Assert.All(traced, s => Assert.DoesNotContain(s.TagObjects, t => t.Value?.ToString()?.Contains("token-in-path", StringComparison.Ordinal) == true));
    }
}
