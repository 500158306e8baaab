using System.Globalization;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Policy;

/// <summary>
/// When to retrain. Unlike a rule that retrains on any raw KS p &lt; 0.05, the policy asks for a real reason
/// (confident performance degradation, dataset drift, or a major PSI shift on an important feature) <b>and</b> that
/// no gate blocks: enough new labels to learn from, the cooldown passed, and fewer than the maximum retrains in the
/// trailing period. Immutable; <see cref="Evaluate"/> is a pure function of its inputs.
/// <para>
/// Back-off for drift without harm: when only drift triggers fire (no confident degradation) and the last retrains
/// produced challengers that did not beat the champion, retraining again on the same kind of evidence is likely wasted.
/// The label gate then doubles per such retrain in a row (×2, ×4, … up to <see cref="MaxDriftBackoff"/>); a promotion
/// resets it, and confident degradation always needs only <see cref="MinNewLabels"/>. Streams whose inputs move all the
/// time (prices, seasons) thus retrain when it pays, while a sudden change is still acted on at once.
/// </para>
/// </summary>
public sealed record RetrainPolicy
{
    /// <summary>Retrain on confident degradation of any watched metric. Default on.</summary>
    public bool OnDegradation { get; init; } = true;

    /// <summary>Retrain on degradation estimated without labels (CBPE / DLE, see <see cref="EstimatedDegradationReason"/>). Default on.</summary>
    public bool OnEstimatedDegradation { get; init; } = true;

    /// <summary>Retrain on dataset drift. Default on.</summary>
    public bool OnDatasetDrift { get; init; } = true;

    /// <summary>PSI at or above which an important feature is a reason; null disables the trigger. Default 0.25 ("major shift").</summary>
    public double? PsiThreshold { get; init; } = 0.25;

    /// <summary>How many features, by importance, count as important; all features when the profile has no importances. Default 5.</summary>
    public int ImportantFeatures { get; init; } = 5;

    /// <summary>Newly labelled rows needed since the last retrain. Default 500.</summary>
    public int MinNewLabels { get; init; } = 500;

    /// <summary>Largest factor by which unpromoted retrains raise the label gate for drift-only reasons; 1 disables the back-off. Default 8.</summary>
    public int MaxDriftBackoff { get; init; } = 8;

    /// <summary>Minimum time since the last retrain. Default 1 day.</summary>
    public TimeSpan Cooldown { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Most retrains in any trailing <see cref="Period"/>. Default 3.</summary>
    public int MaxRetrainsPerPeriod { get; init; } = 3;

    /// <summary>The trailing period of <see cref="MaxRetrainsPerPeriod"/>. Default 7 days.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Retrain when an online detector found a change on a watched stream since the last retrain (<see cref="RetrainContext.StreamChanges"/>). Default on.</summary>
    public bool OnStreamChange { get; init; } = true;

    /// <summary>Evaluates every trigger on the latest result; see the type's summary for the rule.</summary>
    public RetrainDecision Evaluate(MonitoringResult latest, RetrainContext context)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(context);
        // A window below the checks' minimum size (their own too_few_rows / empty_window finding) has figures, but
        // none strong enough to act on: its reasons are reported, not fired.
        var tooSmall = latest.Quality.Findings.FirstOrDefault(f => f.Kind is QualityFindingKind.TooFewRows or QualityFindingKind.EmptyWindow);
        var degradation = NotOnTooSmall(Degradation(latest.Performance), tooSmall);
        var streamChange = NotOnTooSmall(StreamChange(context), tooSmall);
        // A change on the error stream is evidence of harm, like confident degradation: the drift back-off does not apply.
        var estimated = NotOnTooSmall(EstimatedDegradationReason.Evaluate(OnEstimatedDegradation, latest), tooSmall);
        // So is degradation estimated without labels.
        var harm = degradation.Fired || estimated.Fired
            || (streamChange.Fired && context.StreamChanges!.Any(c => c.Stream == Streams.StreamKind.Error));
        var triggers = new List<TriggerEvaluation>
        {
            degradation,
            NotOnTooSmall(Drift(latest.Drift, latest.Multivariate), tooSmall),
            NotOnTooSmall(Psi(latest.Drift), tooSmall),
            streamChange,
            estimated,
            Labels(context, harm),
            CooldownGate(context),
            Limit(context),
        };
        var reasons = triggers.Where(t => t.Fired).Select(t => t.Trigger.ToString()).ToArray();
        var blocks = triggers.Where(t => t.Blocking).Select(t => t.Trigger.ToString()).ToArray();
        var retrain = reasons.Length > 0 && blocks.Length == 0;
        var summary = (reasons.Length, blocks.Length) switch
        {
            (0, _) when tooSmall is not null => $"no retrain: the window is below the minimum size ({tooSmall.Detail}), so no reason is judged",
            (0, _) => "no retrain: no reason fired",
            (_, 0) => $"retrain: {string.Join(", ", reasons)}",
            _ => $"no retrain yet: {string.Join(", ", reasons)} fired but {string.Join(", ", blocks)} blocks",
        };
        return new RetrainDecision { Retrain = retrain, Summary = summary, Triggers = triggers, DecidedAt = context.Now };
    }

    private static TriggerEvaluation NotOnTooSmall(TriggerEvaluation reason, QualityFinding? tooSmall) =>
        tooSmall is null
            ? reason
            : TriggerEvaluation.Reason(reason.Trigger, false, $"not judged: the window is below the minimum size ({tooSmall.Detail}); figures: {reason.Detail}");

    private TriggerEvaluation Degradation(PerformanceWindow? performance)
    {
        const RetrainTrigger t = RetrainTrigger.ConfidentDegradation;
        if (!OnDegradation)
        {
            return TriggerEvaluation.Reason(t, false, "disabled");
        }

        if (performance is null)
        {
            return TriggerEvaluation.Reason(t, false, "no labelled rows in the window: performance unknown");
        }

        var decided = performance.DecidedByOrDeciding();
        if (decided.Count == 0)
        {
            return TriggerEvaluation.Reason(t, false, "no watched metric could be judged on the window");
        }

        // Degraded: name every degraded watched metric; otherwise show the figures of each watched metric judged.
        var shown = performance.Degraded ? performance.DegradedWatched() : performance.Metrics.Where(m => decided.Contains(m.Name, StringComparer.Ordinal));
        var detail = string.Join("; ", shown.Select(m => F("{0} {1:G4} vs baseline {2:G4}, change CI [{3:G3}, {4:G3}], allowed worsening {5:G3}",
            m.Name, m.Value, m.Baseline, m.ChangeLower, m.ChangeUpper, m.AllowedDrop)));
        var watched = string.Join(", ", performance.WatchedOrPrimary());
        return TriggerEvaluation.Reason(t, performance.Degraded, performance.Degraded
            ? $"degraded ({string.Join(", ", performance.DegradedWatched().Select(m => m.Name))} of watched {watched}): {detail}"
            : $"no watched metric confidently degraded (watched {watched}): {detail}");
    }

    private TriggerEvaluation Drift(DriftCheckResult drift, Multivariate.MultivariateDriftResult? multivariate)
    {
        const RetrainTrigger t = RetrainTrigger.DatasetDrift;
        if (!OnDatasetDrift)
        {
            return TriggerEvaluation.Reason(t, false, "disabled");
        }

        var weighted = drift.WeightedDriftedShare is { } w ? F(", weighted {0:P0}", w) : "";
        var detail = F("{0:P0} of features drifted{1} (threshold {2:P0}): {3}", drift.DriftedShare, weighted, drift.DatasetDriftThreshold, drift.DatasetDriftReason);
        // The domain classifier declares dataset drift too (multivariate drift no column share shows).
        var classifier = multivariate?.DomainClassifier is { Ran: true } d ? "; domain classifier: " + d.Reason : "";
        return TriggerEvaluation.Reason(t, drift.DatasetDrift || multivariate?.DatasetDrift == true, detail + classifier);
    }

    private TriggerEvaluation Psi(DriftCheckResult drift)
    {
        const RetrainTrigger t = RetrainTrigger.ImportantFeaturePsi;
        if (PsiThreshold is not { } threshold)
        {
            return TriggerEvaluation.Reason(t, false, "disabled");
        }

        var columns = drift.Features.Columns;
        var important = drift.FeatureImportance is { Count: > 0 } importance
            ? columns.OrderByDescending(c => importance.GetValueOrDefault(c.Name)).Take(ImportantFeatures).ToArray()
            : columns.ToArray();
        var over = important.Where(c => c.Psi >= threshold).OrderByDescending(c => c.Psi).ToArray();
        var scope = drift.FeatureImportance is { Count: > 0 } ? F("top {0} features by importance", important.Length) : F("all {0} features (no importances)", important.Length);
        return over.Length > 0
            ? TriggerEvaluation.Reason(t, true, F("PSI ≥ {0} on {1} of the {2}: {3}", threshold, over.Length, scope, string.Join(", ", over.Select(c => F("{0} ({1:F3})", c.Name, c.Psi)))))
            : TriggerEvaluation.Reason(t, false, F("PSI below {0} on the {1}; highest {2:F3}", threshold, scope, important.Length == 0 ? 0 : important.Max(c => c.Psi ?? 0)));
    }

    private TriggerEvaluation Labels(RetrainContext context, bool degraded)
    {
        var factor = degraded || context.UnpromotedRetrains <= 0
            ? 1
            : (int)Math.Min(Math.Max(1, MaxDriftBackoff), Math.Pow(2, Math.Min(context.UnpromotedRetrains, 30)));
        var needed = (long)MinNewLabels * factor;
        var enough = context.LabelledRowsSinceLastRetrain >= needed;
        var why = factor == 1 ? "" : F(" ({0} × {1}: the last {2} retrain(s) did not beat the champion and performance is not degraded)",
            MinNewLabels, factor, context.UnpromotedRetrains);
        return TriggerEvaluation.Gate(RetrainTrigger.MinNewLabels, !enough,
            F("{0} labelled rows since the last retrain, {1} needed{2}", context.LabelledRowsSinceLastRetrain, needed, why));
    }

    private TriggerEvaluation StreamChange(RetrainContext context)
    {
        const RetrainTrigger t = RetrainTrigger.StreamChange;
        if (!OnStreamChange)
        {
            return TriggerEvaluation.Reason(t, false, "disabled");
        }

        if (context.StreamChanges is not { Count: > 0 } changes)
        {
            return TriggerEvaluation.Reason(t, false, "no change detected on a watched stream since the last retrain");
        }

        var latest = changes.MaxBy(c => c.DetectedAt)!;
        return TriggerEvaluation.Reason(t, true, F("{0} change(s) since the last retrain; latest {1:yyyy-MM-dd HH:mm} UTC at row '{2}' (observation {3} of v{4}): {5}",
            changes.Count, latest.DetectedAt.UtcDateTime, latest.PredictionId, latest.Observation, latest.ModelVersion, latest.Detail));
    }

    private TriggerEvaluation CooldownGate(RetrainContext context)
    {
        if (context.LastRetrainAt is not { } last)
        {
            return TriggerEvaluation.Gate(RetrainTrigger.Cooldown, false, "never retrained");
        }

        var since = context.Now - last;
        return TriggerEvaluation.Gate(RetrainTrigger.Cooldown, since < Cooldown,
            F("{0:F1} h since the last retrain, cooldown {1:F1} h", since.TotalHours, Cooldown.TotalHours));
    }

    private TriggerEvaluation Limit(RetrainContext context)
    {
        var from = context.Now - Period;
        var count = context.RecentRetrains.Count(r => r > from && r <= context.Now);
        return TriggerEvaluation.Gate(RetrainTrigger.RetrainLimit, count >= MaxRetrainsPerPeriod,
            F("{0} retrains in the last {1:F1} days, at most {2}", count, Period.TotalDays, MaxRetrainsPerPeriod));
    }

    private static string F(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
