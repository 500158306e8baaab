using Vigil.Monitoring.Alerts;

namespace Vigil.Server.Api;

/// <summary>One channel's delivery of an alert: pending, delivered or failed, with the attempts and the latest error.</summary>
public sealed record AlertDeliveryView(
    string Channel, string Status, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? LastAttemptAt, string? LastError,
    DateTimeOffset? DeliveredAt, int? ResponseStatus)
{
    public static AlertDeliveryView From(AlertDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Channel, d.Status.ToString().ToLowerInvariant(), d.Attempts,
            d.Status == AlertDeliveryStatus.Pending ? d.NextAttemptAt : null, d.LastAttemptAt, d.LastError, d.DeliveredAt, d.ResponseStatus);
    }
}
