namespace Vigil.Monitoring.Alerts;

/// <summary>
/// The alerts a stored check may cause, built inside the transaction that stores it (ids are known only there).
/// </summary>
/// <param name="StatusChange">The alert for a status that differs from the last alerted one: (previous status, check id) → alert.</param>
/// <param name="RetrainDecided">The alert for a decision that retrains: (check id, decision id) → alert; null sends none.</param>
public sealed record CheckAlerts(
    Func<string, long, AlertDraft> StatusChange,
    Func<long, long, AlertDraft>? RetrainDecided);
