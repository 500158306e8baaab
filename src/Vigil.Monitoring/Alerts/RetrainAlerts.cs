using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Policy;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Alerts;

/// <summary>The alerts of the retrain lifecycle: decided (or requested from people), started, finished.</summary>
public static class RetrainAlerts
{
    /// <summary>
    /// The alert for a decision to retrain: <see cref="AlertKind.RetrainDecided"/> when Vigil retrains the model
    /// itself, <see cref="AlertKind.RetrainRequested"/> (a warning: someone must act) when it cannot
    /// (<paramref name="retrainable"/> false: a model Vigil did not train, whose owners should retrain it even when Vigil
    /// trains a challenger of its own beside).
    /// </summary>
    public static AlertDraft Decided(string model, int version, RetrainDecision decision, long checkId, long decisionId, bool retrainable = true)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var fired = decision.Triggers.Where(t => t.Fired).ToArray();
        var details = new JsonObject
        {
            ["check_id"] = checkId,
            ["decision_id"] = decisionId,
            ["summary"] = decision.Summary,
            ["reasons"] = new JsonArray([.. fired.Select(t => (JsonNode)new JsonObject
            {
                ["trigger"] = t.Trigger.ToString(),
                ["detail"] = t.Detail,
            })]),
        };
        var why = fired.Length == 0 ? decision.Summary : string.Join("; ", fired.Select(t => t.Detail));
        return new AlertDraft
        {
            Model = model,
            ModelVersion = version,
            Kind = retrainable ? AlertKind.RetrainDecided : AlertKind.RetrainRequested,
            Severity = retrainable ? AlertSeverity.Info : AlertSeverity.Warning,
            Title = retrainable ? $"{model}: retrain decided" : $"{model}: retrain requested",
            Text = retrainable
                ? $"The retrain policy decided to retrain version {Text(version)} after check {Text(checkId)}: {why}."
                : $"The retrain policy wants version {Text(version)} retrained after check {Text(checkId)}: {why}. Vigil did not train this model: retrain it and register the new version (Vigil's own AutoML challenger runs beside, as Vigil:Retrain:ForeignChampions says).",
            Details = details,
            CheckId = checkId,
            DecisionId = decisionId,
        };
    }

    /// <summary>The alert for retrain run <paramref name="runId"/> starting.</summary>
    public static AlertDraft Started(string model, long runId, string reason) => new()
    {
        Model = model,
        Kind = AlertKind.RetrainStarted,
        Severity = AlertSeverity.Info,
        Title = $"{model}: retrain started",
        Text = $"Retrain run {Text(runId)} of {model} started: {reason}.",
        Details = new JsonObject { ["run_id"] = runId, ["reason"] = reason },
        RetrainRunId = runId,
    };

    /// <summary>The alert for a run that trained and compared a challenger: promoted or kept, with the interval of the improvement.</summary>
    public static AlertDraft Finished(long runId, RetrainOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var model = outcome.Model;
        return new AlertDraft
        {
            Model = model,
            ModelVersion = outcome.ChallengerVersion,
            Kind = AlertKind.RetrainFinished,
            Severity = AlertSeverity.Info,
            Title = outcome.Promoted
                ? $"{model}: version {Text(outcome.ChallengerVersion)} promoted"
                : $"{model}: champion version {Text(outcome.ChampionVersion)} kept",
            Text = $"Retrain run {Text(runId)}: {outcome.Reason}.",
            Details = new JsonObject
            {
                ["run_id"] = runId,
                ["status"] = "succeeded",
                ["promoted"] = outcome.Promoted,
                ["champion_version"] = outcome.ChampionVersion,
                ["challenger_version"] = outcome.ChallengerVersion,
                ["metric"] = outcome.Metric,
                ["champion_score"] = Finite(outcome.ChampionScore),
                ["challenger_score"] = Finite(outcome.ChallengerScore),
                ["improvement"] = Finite(outcome.Improvement),
                ["improvement_lower"] = Finite(outcome.ImprovementLower),
                ["improvement_upper"] = Finite(outcome.ImprovementUpper),
                ["confidence"] = outcome.Confidence,
                ["margin"] = outcome.Margin,
                ["holdout_rows"] = outcome.HoldoutRows,
            },
            RetrainRunId = runId,
        };
    }

    /// <summary>The alert for a run that ended without a verdict: failed, cancelled, or abandoned by a process that died.</summary>
    public static AlertDraft Ended(string model, long runId, RetrainStatus status, string? error = null)
    {
        var word = status.ToString().ToLowerInvariant();
        var text = status switch
        {
            RetrainStatus.Failed => $"Retrain run {Text(runId)} of {model} failed: {error ?? "no error recorded"}. The champion keeps serving.",
            RetrainStatus.Abandoned => $"Retrain run {Text(runId)} of {model} was abandoned: the process running it stopped. The champion keeps serving.",
            _ => $"Retrain run {Text(runId)} of {model} was {word}. The champion keeps serving.",
        };
        var details = new JsonObject { ["run_id"] = runId, ["status"] = word };
        if (error is not null)
        {
            details["error"] = error;
        }

        return new AlertDraft
        {
            Model = model,
            Kind = AlertKind.RetrainFinished,
            Severity = status == RetrainStatus.Cancelled ? AlertSeverity.Info : AlertSeverity.Warning,
            Title = $"{model}: retrain {word}",
            Text = text,
            Details = details,
            RetrainRunId = runId,
        };
    }

    private static JsonNode? Finite(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
