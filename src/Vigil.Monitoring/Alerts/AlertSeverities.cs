namespace Vigil.Monitoring.Alerts;

/// <summary>The stored and configured names of <see cref="AlertSeverity"/>.</summary>
public static class AlertSeverities
{
    public static IReadOnlyList<AlertSeverity> All { get; } = Enum.GetValues<AlertSeverity>();

    public static string Name(this AlertSeverity severity) => severity switch
    {
        AlertSeverity.Info => "info",
        AlertSeverity.Warning => "warning",
        AlertSeverity.Alarm => "alarm",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown alert severity."),
    };

    public static bool TryParse(string? name, out AlertSeverity severity)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                severity = candidate;
                return true;
            }
        }

        severity = default;
        return false;
    }

    internal static AlertSeverity Parse(string name) =>
        TryParse(name, out var severity) ? severity : throw new InvalidDataException($"Unknown alert severity '{name}' in the database.");
}
