namespace Vigil.Monitoring.Alerts;

/// <summary>The one-word delivery state of an alert over all its channels, as the API and the dashboard show it.</summary>
public static class AlertDeliveryState
{
    /// <summary>
    /// <c>delivered</c> (every channel took it), <c>pending</c> (some channel still to reach), <c>failed</c> (some channel
    /// gave up), <c>not_routed</c> (the service has not routed it yet) or <c>no_channel</c> (no configured channel wants it).
    /// </summary>
    public static string Of(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (!alert.Routed)
        {
            return "not_routed";
        }

        if (alert.Deliveries.Count == 0)
        {
            return "no_channel";
        }

        if (alert.Deliveries.Any(d => d.Status == AlertDeliveryStatus.Failed))
        {
            return "failed";
        }

        return alert.Deliveries.All(d => d.Status == AlertDeliveryStatus.Delivered) ? "delivered" : "pending";
    }
}
