namespace Vigil.Monitoring.Alerts;

/// <summary>The delivery of one alert to one channel.</summary>
/// <param name="Attempts">Delivery attempts made so far (each one HTTP request with its quick retries).</param>
/// <param name="NextAttemptAt">When a pending delivery is tried next.</param>
/// <param name="LastError">The latest failed attempt's error, one line.</param>
/// <param name="ResponseStatus">The HTTP status of the latest answer, if the receiver answered.</param>
public sealed record AlertDelivery(
    long AlertId,
    string Channel,
    AlertDeliveryStatus Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    DateTimeOffset? DeliveredAt,
    int? ResponseStatus);
