namespace Vigil.Monitoring.Alerts;

/// <summary>A delivery that is due: the alert and the channel it still has to reach.</summary>
public sealed record PendingDelivery(Alert Alert, AlertDelivery Delivery);
