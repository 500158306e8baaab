using System.Diagnostics;
using System.Globalization;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Monitoring.Telemetry;

/// <summary>The <c>vigil.check</c> span around a check, with the model, version, trigger and how it ended.</summary>
public static class CheckSpan
{
    /// <summary>Runs <paramref name="check"/> inside a <c>vigil.check</c> span (null when nothing listens).</summary>
    public static CheckOutcome Run(string model, string? trigger, Func<Activity?, CheckOutcome> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        using var span = VigilTelemetry.Source.StartActivity(SpanNames.Check);
        span?.SetTag(TelemetryTags.Model, model);
        span?.SetTag(TelemetryTags.CheckTrigger, trigger);
        try
        {
            var outcome = check(span);
            Completed(span, outcome);
            return outcome;
        }
        catch (Exception e)
        {
            if (SpanFailure.IsCancellation(e))
            {
                span?.SetTag(TelemetryTags.CheckStatus, "cancelled");
            }
            else
            {
                span?.SetTag(TelemetryTags.CheckStatus, "failed");
                SpanFailure.Record(span, e);
            }

            throw;
        }
    }

    /// <summary>Tags the champion version the check uses, as soon as it is known (a later failure keeps it).</summary>
    public static void Version(Activity? span, int version) =>
        span?.SetTag(TelemetryTags.Version, version.ToString(CultureInfo.InvariantCulture));

    private static void Completed(Activity? span, CheckOutcome outcome)
    {
        if (span is null)
        {
            return;
        }

        var result = outcome.Result;
        span.SetTag(TelemetryTags.Version, result.Version);
        span.SetTag(TelemetryTags.CheckStatus, result.Status.ToString().ToLowerInvariant());
        span.SetTag(TelemetryTags.CheckId, outcome.CheckId);
        span.SetTag(TelemetryTags.CheckRows, result.Window.Rows);
        span.SetTag(TelemetryTags.CheckLabelledRows, result.Performance?.Rows ?? 0);
        span.SetTag(TelemetryTags.DriftShare, result.Drift.DriftedShare);
        span.SetTag(TelemetryTags.DecisionRetrain, outcome.Decision.Retrain);
    }
}
