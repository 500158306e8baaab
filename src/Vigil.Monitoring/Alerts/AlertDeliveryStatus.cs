namespace Vigil.Monitoring.Alerts;

/// <summary>Where the delivery of an alert to a channel stands.</summary>
public enum AlertDeliveryStatus
{
    /// <summary>Not delivered yet; the dispatcher tries again at its next attempt time.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed (or the channel is no longer configured); shown in the API and dashboard.</summary>
    Failed,
}
