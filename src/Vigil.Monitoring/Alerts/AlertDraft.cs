using System.Text.Json.Nodes;

namespace Vigil.Monitoring.Alerts;

/// <summary>
/// An alert before it is stored: what happened, to which model, how urgent, and the words a person reads. The store
/// writes it to the outbox in the same transaction as the event that caused it.
/// </summary>
public sealed record AlertDraft
{
    public required string Model { get; init; }

    /// <summary>The model version concerned (the champion that was checked, the challenger of a retrain), when one is.</summary>
    public int? ModelVersion { get; init; }

    public required AlertKind Kind { get; init; }

    public required AlertSeverity Severity { get; init; }

    /// <summary>
    /// The state this alert reports a change of (<c>status</c>, <c>scheduled_check</c>, <c>detector:NAME</c>), or null
    /// for a one-off event such as a retrain. Alerts of a subject are sent once per change of its state and repeated
    /// while it stays firing.
    /// </summary>
    public string? Subject { get; init; }

    /// <summary>The subject's new state (e.g. <c>alarm</c>), when there is a subject.</summary>
    public string? State { get; init; }

    /// <summary>The subject's state before the change (e.g. <c>healthy</c>), when there is a subject.</summary>
    public string? PreviousState { get; init; }

    /// <summary>One line, e.g. "churn: alarm (was healthy)".</summary>
    public required string Title { get; init; }

    /// <summary>What happened and why, in a few sentences.</summary>
    public required string Text { get; init; }

    /// <summary>Figures a receiver may act on (drifted columns, the interval of a retrain's improvement, ...).</summary>
    public JsonObject? Details { get; init; }

    /// <summary>The check that caused the alert, if any.</summary>
    public long? CheckId { get; init; }

    /// <summary>The retrain decision that caused the alert, if any.</summary>
    public long? DecisionId { get; init; }

    /// <summary>The retrain run the alert is about, if any.</summary>
    public long? RetrainRunId { get; init; }
}
