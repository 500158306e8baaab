using Vigil.Monitoring.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>
/// One validated <c>Vigil:Alerts:Webhooks:N</c> entry: where to send, how to sign, and which alerts it wants.
/// </summary>
/// <param name="Secret">The HMAC key (UTF-8 of the configured secret), or null for a Slack or Teams channel without one.</param>
/// <param name="Events">The kinds it receives; every kind but <see cref="AlertKind.Test"/> when none is configured.</param>
/// <param name="Models">The models it receives alerts of; every model when empty.</param>
public sealed record WebhookChannel(
    string Name,
    Uri Url,
    byte[]? Secret,
    WebhookFormat Format,
    IReadOnlySet<AlertKind> Events,
    IReadOnlySet<string> Models,
    AlertSeverity MinSeverity)
{
    /// <summary>True when this channel wants <paramref name="alert"/> (its kind, model and severity).</summary>
    public bool Accepts(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return Events.Contains(alert.Kind)
            && (Models.Count == 0 || Models.Contains(alert.Model))
            && alert.Severity >= MinSeverity;
    }

    /// <summary>The URL without path or query, which may hold a token (Slack and Teams URLs do): safe to log.</summary>
    public string SafeUrl => Url.GetLeftPart(UriPartial.Authority);
}
