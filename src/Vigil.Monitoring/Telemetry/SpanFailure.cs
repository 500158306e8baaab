using System.Diagnostics;

namespace Vigil.Monitoring.Telemetry;

/// <summary>How every Vigil span records that its operation failed, so traces read the same for checks, retrains and alerts.</summary>
public static class SpanFailure
{
    private const int MaxDescription = 300;

    /// <summary>
    /// Status Error with a one-line description (exception type and message), <c>error.type</c>, and an
    /// <c>exception</c> event (type, message, stack trace). Vigil's messages name models, files and columns, not row values.
    /// </summary>
    public static void Record(Activity? span, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (span is null)
        {
            return;
        }

        span.SetStatus(ActivityStatusCode.Error, Describe(exception));
        span.SetTag(TelemetryTags.ErrorType, exception.GetType().FullName);
        span.AddException(exception);
    }

    /// <summary>True for a cancellation, which ends a span as <c>cancelled</c> rather than as an error.</summary>
    public static bool IsCancellation(Exception exception) => exception is OperationCanceledException;

    /// <summary><c>Type: message</c> on one line, at most 300 characters.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return OneLine($"{exception.GetType().Name}: {exception.Message}");
    }

    /// <summary><paramref name="text"/> on one line, at most 300 characters (a span's status description).</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxDescription ? text : text[..(MaxDescription - 1)] + "…";
    }
}
