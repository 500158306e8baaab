using System.Text.Json.Nodes;

namespace Vigil.Monitoring.Alerts;

/// <summary>A stored alert (a row of the outbox) with its delivery to each channel.</summary>
public sealed record Alert
{
    public long Id { get; init; }

    /// <summary>
    /// Unique and stable across retries and restarts: sent as the <c>Idempotency-Key</c> header and the payload's
    /// <c>id</c>, so a receiver can drop a repeated delivery.
    /// </summary>
    public required string Key { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string Model { get; init; }

    public int? ModelVersion { get; init; }

    public AlertKind Kind { get; init; }

    public AlertSeverity Severity { get; init; }

    public string? Subject { get; init; }

    public string? State { get; init; }

    public string? PreviousState { get; init; }

    /// <summary>0 for the alert of a change; n for its n-th reminder while the state still fires.</summary>
    public int Repeat { get; init; }

    public required string Title { get; init; }

    public required string Text { get; init; }

    public JsonObject Details { get; init; } = [];

    public long? CheckId { get; init; }

    public long? DecisionId { get; init; }

    public long? RetrainRunId { get; init; }

    /// <summary>True once the dispatcher has matched the alert against the configured channels.</summary>
    public bool Routed { get; init; }

    /// <summary>One entry per channel the alert was routed to (empty before routing, or when no channel matched).</summary>
    public IReadOnlyList<AlertDelivery> Deliveries { get; init; } = [];
}
