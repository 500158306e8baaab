using System.Text.Json.Nodes;
using Vigil.Monitoring.Alerts;

namespace Vigil.Server.Api;

/// <summary>
/// An alert as the API shows it: what happened, and <paramref name="Delivery"/> — <c>delivered</c> (every channel
/// took it), <c>pending</c> (some channel still to reach), <c>failed</c> (some channel gave up), <c>not_routed</c> (the
/// dispatcher has not seen it yet) or <c>no_channel</c> (no configured channel wants it) — with each channel's progress.
/// </summary>
public sealed record AlertView(
    long Id, string Key, DateTimeOffset CreatedAt, string Model, int? ModelVersion, string Event, string Severity,
    string? Subject, string? State, string? PreviousState, int Repeat, string Title, string Text, JsonObject Details,
    long? CheckId, long? DecisionId, long? RetrainRunId, string Delivery, IReadOnlyList<AlertDeliveryView> Deliveries)
{
    public static AlertView From(Alert a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Key, a.CreatedAt, a.Model, a.ModelVersion, a.Kind.Name(), a.Severity.Name(), a.Subject, a.State,
            a.PreviousState, a.Repeat, a.Title, a.Text, a.Details, a.CheckId, a.DecisionId, a.RetrainRunId, AlertDeliveryState.Of(a),
            a.Deliveries.Select(AlertDeliveryView.From).ToArray());
    }
}
