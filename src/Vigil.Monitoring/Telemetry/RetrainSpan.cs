using System.Diagnostics;
using System.Globalization;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Monitoring.Telemetry;

/// <summary>
/// The <c>vigil.retrain</c> span around a champion/challenger retrain, with the challenger's search
/// (<c>vigil.retrain.search</c>), the comparison on the fresh holdout (<c>vigil.retrain.compare</c>) and, for a promoted
/// challenger, its refit on every row (<c>vigil.retrain.refit</c>) as children.
/// </summary>
public static class RetrainSpan
{
    /// <summary>Runs <paramref name="retrain"/> inside a <c>vigil.retrain</c> span (null when nothing listens).</summary>
    public static RetrainOutcome Run(string model, Func<Activity?, RetrainOutcome> retrain)
    {
        ArgumentNullException.ThrowIfNull(retrain);
        using var span = VigilTelemetry.Source.StartActivity(SpanNames.Retrain);
        span?.SetTag(TelemetryTags.Model, model);
        try
        {
            var outcome = retrain(span);
            Completed(span, outcome);
            return outcome;
        }
        catch (Exception e)
        {
            if (SpanFailure.IsCancellation(e))
            {
                span?.SetTag(TelemetryTags.RetrainStatus, "cancelled");
            }
            else
            {
                span?.SetTag(TelemetryTags.RetrainStatus, "failed");
                SpanFailure.Record(span, e);
            }

            throw;
        }
    }

    /// <summary>Tags the champion retrained from and the run's id once the run is recorded.</summary>
    public static void Started(Activity? span, int championVersion, long runId)
    {
        span?.SetTag(TelemetryTags.Version, championVersion.ToString(CultureInfo.InvariantCulture));
        span?.SetTag(TelemetryTags.RetrainRun, runId);
    }

    /// <summary>A <c>vigil.retrain.search</c> child span: the challenger's AutoML search and refit.</summary>
    public static Activity? StartSearch() => VigilTelemetry.Source.StartActivity(SpanNames.RetrainSearch);

    /// <summary>A <c>vigil.retrain.compare</c> child span: both models scored on the holdout, the paired interval.</summary>
    public static Activity? StartCompare(int holdoutRows)
    {
        var span = VigilTelemetry.Source.StartActivity(SpanNames.RetrainCompare);
        span?.SetTag(TelemetryTags.HoldoutRows, holdoutRows);
        return span;
    }

    /// <summary>A <c>vigil.retrain.refit</c> child span: a promoted challenger refitted on every usable row.</summary>
    public static Activity? StartRefit(int rows)
    {
        var span = VigilTelemetry.Source.StartActivity(SpanNames.RetrainRefit);
        span?.SetTag(TelemetryTags.TrainingRows, rows);
        return span;
    }

    private static void Completed(Activity? span, RetrainOutcome outcome)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(TelemetryTags.Version, outcome.ChampionVersion.ToString(CultureInfo.InvariantCulture));
        span.SetTag(TelemetryTags.RetrainStatus, "succeeded");
        span.SetTag(TelemetryTags.RetrainPromoted, outcome.Promoted);
        span.SetTag(TelemetryTags.ChallengerVersion, outcome.ChallengerVersion.ToString(CultureInfo.InvariantCulture));
        span.SetTag(TelemetryTags.RetrainMetric, outcome.Metric);
        span.SetTag(TelemetryTags.TrainingRows, outcome.TrainingRows);
        span.SetTag(TelemetryTags.HoldoutRows, outcome.HoldoutRows);
        span.SetTag(TelemetryTags.Learner, outcome.Learner);
    }
}
