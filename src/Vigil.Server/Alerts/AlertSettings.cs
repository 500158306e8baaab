using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Workspace;

namespace Vigil.Server.Alerts;

/// <summary>
/// The <c>Vigil:Alerts</c> settings: the webhook channels and how the dispatcher delivers. Read and validated once,
/// at start (<see cref="Read"/>): a mistake stops the service with a one-line message naming the setting, since a
/// channel that silently never fires is worse than one that refuses to start.
/// </summary>
public sealed record AlertSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Vigil:Alerts";

    /// <summary>Fewest bytes a signing secret may have.</summary>
    public const int MinSecretBytes = 16;

    private static readonly string[] SettingNames =
        ["Webhooks", "RepeatInterval", "MaxAttempts", "AttemptTimeout", "RetriesPerAttempt", "RetryDelay", "Backoff", "BackoffMax", "Poll"];

    private static readonly string[] ChannelSettingNames = ["Name", "Url", "Secret", "Format", "Events", "Models", "MinSeverity"];

    public IReadOnlyList<WebhookChannel> Webhooks { get; init; } = [];

    /// <summary>A reminder of a state that still fires (alarm, failing checks) after this long; null: no reminders. Default 4 h.</summary>
    public TimeSpan? RepeatInterval { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Failed attempts after which a delivery is marked failed. Default 10.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Timeout of one HTTP request. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Quick retries (Polly, exponential with jitter) inside one attempt, for blips: 5xx, 408, 429, network errors, timeouts. Default 2.</summary>
    public int RetriesPerAttempt { get; init; } = 2;

    /// <summary>First delay of the quick retries (doubles). Default 1 s.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Wait after the first failed attempt; doubles with each further one up to <see cref="BackoffMax"/>. Default 30 s.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts. Default 1 h.</summary>
    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How often the dispatcher looks for new alerts and due deliveries. Default 1 s.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The channel named <paramref name="name"/> (case-sensitive), or null.</summary>
    public WebhookChannel? Channel(string name) => Webhooks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.Ordinal));

    /// <summary>The wait before the attempt after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = Backoff.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(wait, BackoffMax.TotalMilliseconds));
    }

    /// <summary>Reads and validates <c>Vigil:Alerts</c>; throws <see cref="AlertConfigurationException"/> naming the first mistake.</summary>
    public static AlertSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        Unknown(section, Section, SettingNames);
        var defaults = new AlertSettings();
        var repeat = Duration(section, "RepeatInterval", defaults.RepeatInterval ?? TimeSpan.Zero, allowZero: true);
        var settings = new AlertSettings
        {
            RepeatInterval = repeat > TimeSpan.Zero ? repeat : null,
            MaxAttempts = Count(section, "MaxAttempts", defaults.MaxAttempts, min: 1),
            AttemptTimeout = Duration(section, "AttemptTimeout", defaults.AttemptTimeout),
            RetriesPerAttempt = Count(section, "RetriesPerAttempt", defaults.RetriesPerAttempt, min: 0),
            RetryDelay = Duration(section, "RetryDelay", defaults.RetryDelay, allowZero: true),
            Backoff = Duration(section, "Backoff", defaults.Backoff, allowZero: true),
            BackoffMax = Duration(section, "BackoffMax", defaults.BackoffMax, allowZero: true),
            Poll = Duration(section, "Poll", defaults.Poll),
        };
        var channels = new List<WebhookChannel>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in section.GetSection("Webhooks").GetChildren().OrderBy(c => Index(c.Key)))
        {
            var channel = ReadChannel(entry, $"{Section}:Webhooks:{entry.Key}");
            if (seen.TryGetValue(channel.Name, out var first))
            {
                throw new AlertConfigurationException(
                    $"{Section}:Webhooks:{entry.Key}:Name '{channel.Name}' is also the name of {first}; channel names must be unique.");
            }

            seen[channel.Name] = $"{Section}:Webhooks:{entry.Key}";
            channels.Add(channel);
        }

        return settings with { Webhooks = channels };
    }

    private static WebhookChannel ReadChannel(IConfigurationSection entry, string path)
    {
        Unknown(entry, path, ChannelSettingNames);
        var name = entry["Name"]?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new AlertConfigurationException($"{path}:Name is missing: every channel needs a name (e.g. 'ops').");
        }

        if (name.Length > 64 || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new AlertConfigurationException($"{path}:Name must be at most 64 characters without spaces or control characters.");
        }

        var url = entry["Url"]?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            throw new AlertConfigurationException($"{path}:Url of channel '{name}' is missing.");
        }

        // The URL itself is not quoted: Slack and Teams URLs carry their token in the path.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw new AlertConfigurationException($"{path}:Url of channel '{name}' is not an absolute URL; expected http://… or https://….");
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new AlertConfigurationException(
                $"{path}:Url of channel '{name}' has the scheme '{uri.Scheme}'; only http and https URLs can receive alerts.");
        }

        var formatText = entry["Format"]?.Trim();
        var format = string.IsNullOrEmpty(formatText) ? WebhookFormat.Generic : formatText.ToLowerInvariant() switch
        {
            "generic" => WebhookFormat.Generic,
            "slack" => WebhookFormat.Slack,
            "teams" => WebhookFormat.Teams,
            _ => throw new AlertConfigurationException($"{path}:Format '{formatText}' of channel '{name}' is unknown; expected generic, slack or teams."),
        };

        byte[]? secret = null;
        var secretText = entry["Secret"];
        if (!string.IsNullOrEmpty(secretText))
        {
            secret = Encoding.UTF8.GetBytes(secretText);
            if (secret.Length < MinSecretBytes)
            {
                throw new AlertConfigurationException(
                    $"{path}:Secret of channel '{name}' is {secret.Length} bytes; a signing secret needs at least {MinSecretBytes} (e.g. 32 random bytes as hex).");
            }
        }
        else if (format == WebhookFormat.Generic)
        {
            throw new AlertConfigurationException(
                $"{path}:Secret of channel '{name}' is missing: a generic channel signs every body (X-Vigil-Signature), so it needs a secret of at least {MinSecretBytes} bytes.");
        }

        var events = new HashSet<AlertKind>();
        foreach (var text in List(entry, "Events"))
        {
            if (!AlertKinds.TryParse(text, out var kind) || kind == AlertKind.Test)
            {
                throw new AlertConfigurationException(
                    $"{path}:Events of channel '{name}' has '{text}', which is not an alert event; events: {string.Join(", ", AlertKinds.All.Where(k => k != AlertKind.Test).Select(k => k.Name()))}.");
            }

            events.Add(kind);
        }

        if (events.Count == 0)
        {
            events.UnionWith(AlertKinds.All.Where(k => k != AlertKind.Test));
        }

        var models = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in List(entry, "Models"))
        {
            if (!ModelName.IsValid(model))
            {
                throw new AlertConfigurationException($"{path}:Models of channel '{name}' has '{model}', which is not a valid model name.");
            }

            models.Add(model);
        }

        var severityText = entry["MinSeverity"]?.Trim();
        var severity = AlertSeverity.Info;
        if (!string.IsNullOrEmpty(severityText) && !AlertSeverities.TryParse(severityText, out severity))
        {
            throw new AlertConfigurationException($"{path}:MinSeverity '{severityText}' of channel '{name}' is unknown; expected info, warning or alarm.");
        }

        return new WebhookChannel(name, uri, secret, format, events, models, severity);
    }

    // A list is either an array (Events:0, Events:1 or a JSON array) or one comma-separated value.
    private static IEnumerable<string> List(IConfigurationSection entry, string key)
    {
        var section = entry.GetSection(key);
        var values = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return values.Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    private static void Unknown(IConfigurationSection section, string path, string[] known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new AlertConfigurationException($"{path} has an unknown setting '{child.Key}'; settings: {string.Join(", ", known)}.");
            }
        }
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, bool allowZero = false)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) || value < TimeSpan.Zero || (!allowZero && value == TimeSpan.Zero))
        {
            throw new AlertConfigurationException(
                $"{Section}:{key} '{text}' is not a {(allowZero ? "non-negative" : "positive")} duration; write it as hh:mm:ss (e.g. 00:00:30).");
        }

        return value;
    }

    private static int Count(IConfigurationSection section, string key, int fallback, int min)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > 1000)
        {
            throw new AlertConfigurationException($"{Section}:{key} '{text}' is not a whole number from {min} to 1000.");
        }

        return value;
    }

    private static int Index(string key) => int.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : int.MaxValue;
}
