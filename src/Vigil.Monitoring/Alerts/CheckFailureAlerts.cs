using System.Globalization;
using System.Text.Json.Nodes;

namespace Vigil.Monitoring.Alerts;

/// <summary>The alerts of a model's scheduled checks failing and working again (subject <c>scheduled_check</c>).</summary>
public static class CheckFailureAlerts
{
    public const string Subject = "scheduled_check";

    /// <summary>The quiet state: checks run.</summary>
    public const string Ok = "ok";

    /// <summary>The firing state: scheduled checks fail, so the model is not monitored.</summary>
    public const string Failing = "failing";

    public static AlertDraft Failed(string model, string error, int attempts, DateTimeOffset nextAttemptAt) => new()
    {
        Model = model,
        Kind = AlertKind.CheckFailed,
        Severity = AlertSeverity.Warning,
        Subject = Subject,
        State = Failing,
        PreviousState = Ok,
        Title = $"{model}: scheduled check failing",
        Text = string.Create(CultureInfo.InvariantCulture,
            $"The scheduled check of {model} failed ({error}); it is not monitored until a check succeeds. Next attempt at {nextAttemptAt:u}."),
        Details = new JsonObject { ["error"] = error, ["attempts"] = attempts, ["next_attempt_at"] = nextAttemptAt },
    };

    public static AlertDraft Recovered(string model, long checkId) => new()
    {
        Model = model,
        Kind = AlertKind.CheckRecovered,
        Severity = AlertSeverity.Warning,
        Subject = Subject,
        State = Ok,
        PreviousState = Failing,
        Title = $"{model}: scheduled checks work again",
        Text = string.Create(CultureInfo.InvariantCulture, $"Scheduled check {checkId} of {model} succeeded; the model is monitored again."),
        Details = new JsonObject { ["check_id"] = checkId },
        CheckId = checkId,
    };
}
