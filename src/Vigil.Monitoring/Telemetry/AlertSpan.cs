using System.Diagnostics;

namespace Vigil.Monitoring.Telemetry;

/// <summary>
/// The <c>vigil.alert.deliver</c> span of one delivery attempt of one alert to one channel, for the alert dispatcher:
/// <c>using var span = AlertSpan.Start(...)</c>, then <see cref="Delivered"/>, <see cref="WillRetry"/> or
/// <see cref="GaveUp"/> (an exception thrown out of the attempt: <see cref="SpanFailure.Record"/>). Only the channel's
/// configured name is recorded, never its URL (a Slack or Teams webhook URL is itself a credential) nor the alert's body.
/// </summary>
public static class AlertSpan
{
    /// <param name="model">The model the alert is about (null for an alert about no model, e.g. a test message).</param>
    /// <param name="channel">The channel's configured name.</param>
    /// <param name="eventKind">The alert's event, e.g. <c>status_changed</c>.</param>
    /// <param name="alertId">The alert's id in the outbox.</param>
    /// <param name="attempt">1 for the first attempt.</param>
    public static Activity? Start(string? model, string channel, string eventKind, long alertId, int attempt)
    {
        var span = VigilTelemetry.Source.StartActivity(SpanNames.AlertDelivery, ActivityKind.Producer);
        if (span is null)
        {
            return null;
        }

        span.SetTag(TelemetryTags.Model, model);
        span.SetTag(TelemetryTags.AlertChannel, channel);
        span.SetTag(TelemetryTags.AlertEvent, eventKind);
        span.SetTag(TelemetryTags.AlertId, alertId);
        span.SetTag(TelemetryTags.AlertAttempt, attempt);
        return span;
    }

    /// <summary>The receiver accepted the alert.</summary>
    public static void Delivered(Activity? span, int statusCode)
    {
        span?.SetTag(TelemetryTags.HttpStatusCode, statusCode);
        span?.SetTag(TelemetryTags.AlertOutcome, "delivered");
    }

    /// <summary>This attempt failed and the alert will be tried again: the receiver's status (if it answered) and a
    /// one-line error (e.g. <c>HTTP 503</c>, <c>timed out after 10 s</c>; never the URL or the body).</summary>
    public static void WillRetry(Activity? span, int? statusCode, string? error) => Failed(span, statusCode, error, "retry");

    /// <summary>This attempt failed and it was the last: the alert is marked failed.</summary>
    public static void GaveUp(Activity? span, int? statusCode, string? error) => Failed(span, statusCode, error, "failed");

    private static void Failed(Activity? span, int? statusCode, string? error, string outcome)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.AlertOutcome, outcome);
        if (statusCode is { } code)
        {
            span.SetTag(TelemetryTags.HttpStatusCode, code);
        }

        var status = statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = string.IsNullOrWhiteSpace(error) ? (status is null ? "no answer" : $"the receiver answered {status}") : error;
        span.SetStatus(ActivityStatusCode.Error, SpanFailure.OneLine(text));
        span.SetTag(TelemetryTags.ErrorType, status ?? "delivery_failed");
    }
}
