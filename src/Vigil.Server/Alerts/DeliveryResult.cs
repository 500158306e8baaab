namespace Vigil.Server.Alerts;

/// <summary>How one delivery attempt ended.</summary>
/// <param name="Status">The receiver's HTTP status, when it answered.</param>
/// <param name="Error">Why it failed, one line; null when delivered.</param>
public sealed record DeliveryResult(bool Delivered, int? Status, string? Error, TimeSpan Elapsed);
