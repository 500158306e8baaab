using System.Diagnostics;
using Vigil.Monitoring.Telemetry;

namespace Vigil.Monitoring.Tests.Telemetry;

/// <summary>The alert-delivery span the dispatcher uses: tags, outcome, Error on failure, and no URL anywhere.</summary>
public sealed class AlertSpanTests
{
    [Fact]
    public void Each_attempt_is_a_span_with_its_outcome_and_a_failed_one_is_an_error()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VigilTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (stopped)
                {
                    stopped.Add(span);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using (var span = AlertSpan.Start("churn", "ops-slack", "status_changed", 424242, 2))
        {
            AlertSpan.WillRetry(span, 503, "HTTP 503 from the receiver\nsecond line");
        }

        using (var span = AlertSpan.Start("churn", "ops-slack", "status_changed", 424243, 3))
        {
            AlertSpan.GaveUp(span, null, null);
        }

        using (var span = AlertSpan.Start("churn", "ops-slack", "status_changed", 424244, 1))
        {
            AlertSpan.Delivered(span, 200);
        }

        Activity[] spans;
        lock (stopped)
        {
            spans = stopped.Where(s => s.GetTagItem(TelemetryTags.AlertId) is long id && id >= 424242 && id <= 424244)
                .OrderBy(s => (long)s.GetTagItem(TelemetryTags.AlertId)!).ToArray();
        }

        Assert.Equal(3, spans.Length);
        Assert.All(spans, s =>
        {
            Assert.Equal(SpanNames.AlertDelivery, s.OperationName);
            Assert.Equal(ActivityKind.Producer, s.Kind);
            Assert.Equal("churn", s.GetTagItem(TelemetryTags.Model));
            Assert.Equal("ops-slack", s.GetTagItem(TelemetryTags.AlertChannel));
            Assert.Equal("status_changed", s.GetTagItem(TelemetryTags.AlertEvent));
        });

        var retry = spans[0];
        Assert.Equal(2, retry.GetTagItem(TelemetryTags.AlertAttempt));
        Assert.Equal("retry", retry.GetTagItem(TelemetryTags.AlertOutcome));
        Assert.Equal(503, retry.GetTagItem(TelemetryTags.HttpStatusCode));
        Assert.Equal(ActivityStatusCode.Error, retry.Status);
        Assert.Equal("HTTP 503 from the receiver second line", retry.StatusDescription);
        Assert.Equal("503", retry.GetTagItem(TelemetryTags.ErrorType));

        var gaveUp = spans[1];
        Assert.Equal("failed", gaveUp.GetTagItem(TelemetryTags.AlertOutcome));
        Assert.Equal(ActivityStatusCode.Error, gaveUp.Status);
        Assert.Equal("no answer", gaveUp.StatusDescription);
        Assert.Null(gaveUp.GetTagItem(TelemetryTags.HttpStatusCode));

        var delivered = spans[2];
        Assert.Equal("delivered", delivered.GetTagItem(TelemetryTags.AlertOutcome));
        Assert.Equal(200, delivered.GetTagItem(TelemetryTags.HttpStatusCode));
        Assert.Equal(ActivityStatusCode.Unset, delivered.Status);
    }
}
