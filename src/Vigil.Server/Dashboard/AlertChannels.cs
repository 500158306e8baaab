using Vigil.Monitoring.Alerts;
using Vigil.Rendering.Dashboard;
using Vigil.Server.Alerts;

namespace Vigil.Server.Dashboard;

/// <summary>What the dashboard says about a channel: name, format and filters, never its URL or secret.</summary>
internal static class AlertChannels
{
    public static AlertChannelSummary Summary(WebhookChannel channel)
    {
        var all = AlertKinds.All.Count(k => k != AlertKind.Test);
        var events = channel.Events.Count == all ? "every event" : string.Join(", ", AlertKinds.All.Where(channel.Events.Contains).Select(k => k.Name()));
        var models = channel.Models.Count == 0 ? "every model" : "models " + string.Join(", ", channel.Models.Order(StringComparer.Ordinal));
        var severity = channel.MinSeverity == AlertSeverity.Info ? "" : $", severity {channel.MinSeverity.Name()} and above";
        return new AlertChannelSummary(channel.Name, channel.Format.ToString().ToLowerInvariant(), $"{events} of {models}{severity}");
    }
}
