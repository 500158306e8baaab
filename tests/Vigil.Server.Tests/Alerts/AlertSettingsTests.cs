using Microsoft.Extensions.Configuration;
using Vigil.Monitoring.Alerts;
using Vigil.Server.Alerts;

namespace Vigil.Server.Tests.Alerts;

/// <summary>
/// Channel settings are validated when the service starts: a mistake refuses to start with one line naming the
/// setting (and never quoting a URL, which may hold a token); good settings are read as written.
/// </summary>
public sealed class AlertSettingsTests
{
    public static TheoryData<string, string?, string> Mistakes() => new()
    {
        { "Webhooks:0:Url", "ftp://example.com/hook", "Vigil:Alerts:Webhooks:0:Url of channel 'ops' has the scheme 'ftp'; only http and https" },
        { "Webhooks:0:Url", "hooks.example.com/abc", "Vigil:Alerts:Webhooks:0:Url of channel 'ops' is not an absolute URL" },
        { "Webhooks:0:Url", null, "Vigil:Alerts:Webhooks:0:Url of channel 'ops' is missing" },
        { "Webhooks:0:Secret", "short-secret", "Vigil:Alerts:Webhooks:0:Secret of channel 'ops' is 12 bytes; a signing secret needs at least 16" },
        { "Webhooks:0:Secret", null, "Vigil:Alerts:Webhooks:0:Secret of channel 'ops' is missing: a generic channel signs every body" },
        { "Webhooks:0:Format", "discord", "Vigil:Alerts:Webhooks:0:Format 'discord' of channel 'ops' is unknown; expected generic, slack or teams" },
        { "Webhooks:0:Events", "alarm,alarms", "Vigil:Alerts:Webhooks:0:Events of channel 'ops' has 'alarms', which is not an alert event; events: warning, alarm, resolved" },
        { "Webhooks:0:MinSeverity", "critical", "Vigil:Alerts:Webhooks:0:MinSeverity 'critical' of channel 'ops' is unknown; expected info, warning or alarm" },
        { "Webhooks:0:Models", "churn,bad name", "Vigil:Alerts:Webhooks:0:Models of channel 'ops' has 'bad name', which is not a valid model name" },
        { "Webhooks:0:Name", null, "Vigil:Alerts:Webhooks:0:Name is missing" },
        { "Webhooks:0:Event", "alarm", "Vigil:Alerts:Webhooks:0 has an unknown setting 'Event'; settings: Name, Url, Secret, Format, Events, Models, MinSeverity" },
        { "Webhooks:1:Name", "ops", "Vigil:Alerts:Webhooks:1:Name 'ops' is also the name of Vigil:Alerts:Webhooks:0; channel names must be unique" },
        { "RepeatInterval", "often", "Vigil:Alerts:RepeatInterval 'often' is not a non-negative duration" },
        { "MaxAttempts", "0", "Vigil:Alerts:MaxAttempts '0' is not a whole number from 1 to 1000" },
        { "Retries", "3", "Vigil:Alerts has an unknown setting 'Retries'" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_refuses_to_start_with_one_line_naming_the_setting(string key, string? value, string expected)
    {
        var settings = Valid();
        settings["Vigil:Alerts:" + key] = value;
        if (key.StartsWith("Webhooks:1:", StringComparison.Ordinal))
        {
            settings["Vigil:Alerts:Webhooks:1:Url"] = "https://other.example.com/hook";
            settings["Vigil:Alerts:Webhooks:1:Format"] = "slack";
        }

        // The service itself: Build throws before anything listens or opens the workspace.
        var e = Assert.Throws<AlertConfigurationException>(() => VigilServer.Build([], b => b.Configuration.AddInMemoryCollection(settings)));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("token-in-path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Good_settings_are_read_as_written_with_lists_as_arrays_or_commas()
    {
        var settings = Valid();
        settings["Vigil:Alerts:Webhooks:0:Events:0"] = "alarm";
        settings["Vigil:Alerts:Webhooks:0:Events:1"] = "Resolved";
        settings["Vigil:Alerts:Webhooks:0:Models"] = "churn, fraud";
        settings["Vigil:Alerts:Webhooks:0:MinSeverity"] = "warning";
        settings["Vigil:Alerts:Webhooks:1:Name"] = "slack";
        settings["Vigil:Alerts:Webhooks:1:Url"] = "https://hooks.slack.example/services/T0/B0/token-in-path";
        settings["Vigil:Alerts:Webhooks:1:Format"] = "Slack";
        settings["Vigil:Alerts:RepeatInterval"] = "0";
        settings["Vigil:Alerts:Backoff"] = "00:00:10";
        var read = AlertSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        var ops = read.Channel("ops")!;
        Assert.Equal((WebhookFormat.Generic, AlertSeverity.Warning), (ops.Format, ops.MinSeverity));
        Assert.Equal([AlertKind.Alarm, AlertKind.Resolved], ops.Events.Order());
        Assert.Equal(["churn", "fraud"], ops.Models.Order(StringComparer.Ordinal));
        var slack = read.Channel("slack")!;
        Assert.Null(slack.Secret); // Slack needs none; its URL is the credential
        Assert.DoesNotContain(AlertKind.Test, slack.Events);
        Assert.Equal(AlertKinds.All.Count - 1, slack.Events.Count);
        Assert.Equal("https://hooks.slack.example", slack.SafeUrl);
        Assert.Null(read.RepeatInterval);
        Assert.Equal([10, 20, 40], new[] { 1, 2, 3 }.Select(n => read.BackoffAfter(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromHours(1), read.BackoffAfter(40));
        Assert.Null(read.Channel("OPS")); // names are case-sensitive, like model names
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Vigil:Alerts:Webhooks:0:Name"] = "ops",
        ["Vigil:Alerts:Webhooks:0:Url"] = "https://alerts.example.com/token-in-path",
        ["Vigil:Alerts:Webhooks:0:Secret"] = AlertTestSupport.Secret,
    };
}
