namespace Vigil.Server.Alerts;

/// <summary>The body a channel receives.</summary>
public enum WebhookFormat
{
    /// <summary>Vigil's own JSON (every field of the alert), for any receiver.</summary>
    Generic,

    /// <summary>A Slack incoming-webhook message (text plus blocks).</summary>
    Slack,

    /// <summary>A Microsoft Teams message card (incoming webhook or workflow).</summary>
    Teams,
}
