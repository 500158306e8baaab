using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Monitoring.Alerts;

namespace Vigil.Server.Alerts;

/// <summary>The body of an alert in a channel's format, as the exact UTF-8 bytes that are sent and signed.</summary>
public static class WebhookPayload
{
    // Slack refuses a header block over 150 characters and a section over 3000.
    private const int SlackHeaderMax = 150;
    private const int SlackSectionMax = 3000;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static byte[] Render(Alert alert, WebhookFormat format)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var node = format switch
        {
            WebhookFormat.Slack => Slack(alert),
            WebhookFormat.Teams => Teams(alert),
            _ => Generic(alert),
        };
        return Encoding.UTF8.GetBytes(node.ToJsonString(Compact));
    }

    /// <summary>Every field of the alert, snake_case; the documented contract of generic channels (fields are only ever added).</summary>
    public static JsonObject Generic(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new JsonObject
        {
            ["id"] = alert.Key,
            ["alert_id"] = alert.Id,
            ["event"] = alert.Kind.Name(),
            ["severity"] = alert.Severity.Name(),
            ["model"] = alert.Model,
            ["model_version"] = alert.ModelVersion,
            ["subject"] = alert.Subject,
            ["state"] = alert.State,
            ["previous_state"] = alert.PreviousState,
            ["repeat"] = alert.Repeat,
            ["title"] = alert.Title,
            ["text"] = alert.Text,
            ["created_at"] = alert.CreatedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["check_id"] = alert.CheckId,
            ["decision_id"] = alert.DecisionId,
            ["retrain_run_id"] = alert.RetrainRunId,
            ["details"] = alert.Details.DeepClone(),
            ["source"] = "vigil",
        };
    }

    private static JsonObject Slack(Alert alert)
    {
        var context = $"{Mark(alert.Severity)} {alert.Severity.Name()} · {alert.Kind.Name()} · model {Escape(alert.Model)}" +
            (alert.ModelVersion is { } v ? $" v{v.ToString(CultureInfo.InvariantCulture)}" : "") +
            $" · {alert.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
        return new JsonObject
        {
            // The fallback for notifications and clients without blocks.
            ["text"] = $"{Mark(alert.Severity)} {Escape(alert.Title)}: {Escape(alert.Text)}",
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "header",
                    ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(alert.Title, SlackHeaderMax) },
                },
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(Escape(alert.Text), SlackSectionMax) },
                },
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = context }),
                }),
        };
    }

    private static JsonObject Teams(Alert alert)
    {
        var facts = new JsonArray(
            Fact("Model", alert.Model),
            Fact("Event", alert.Kind.Name()),
            Fact("Severity", alert.Severity.Name()),
            Fact("When", alert.CreatedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"));
        if (alert.ModelVersion is { } version)
        {
            facts.Insert(1, Fact("Version", version.ToString(CultureInfo.InvariantCulture)));
        }

        return new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = alert.Title,
            ["themeColor"] = alert.Severity switch { AlertSeverity.Alarm => "C4314B", AlertSeverity.Warning => "F2A900", _ => "2D7D9A" },
            ["title"] = alert.Title,
            ["text"] = alert.Text,
            ["sections"] = new JsonArray(new JsonObject { ["facts"] = facts }),
        };
    }

    private static JsonObject Fact(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static string Mark(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Alarm => ":red_circle:",
        AlertSeverity.Warning => ":large_orange_circle:",
        _ => ":large_blue_circle:",
    };

    // Slack's mrkdwn treats &, < and > as control characters: a model or column name must not become a link or mention.
    private static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
