namespace Vigil.Monitoring.Alerts;

/// <summary>
/// How urgent an alert is; a channel's <c>MinSeverity</c> drops alerts below it. A change that lowers or ends a state
/// (alarm → warning, alarm → resolved) carries the severity of the state it leaves, so every channel that heard a
/// state begin also hears it end.
/// </summary>
public enum AlertSeverity
{
    Info,
    Warning,
    Alarm,
}
