namespace Vigil.Monitoring.Alerts;

/// <summary>The stored and configured names of <see cref="AlertKind"/>, and what each kind means by default.</summary>
public static class AlertKinds
{
    /// <summary>Every kind a channel can subscribe to, in documentation order.</summary>
    public static IReadOnlyList<AlertKind> All { get; } = Enum.GetValues<AlertKind>();

    public static string Name(this AlertKind kind) => kind switch
    {
        AlertKind.Warning => "warning",
        AlertKind.Alarm => "alarm",
        AlertKind.Resolved => "resolved",
        AlertKind.RetrainDecided => "retrain_decided",
        AlertKind.RetrainStarted => "retrain_started",
        AlertKind.RetrainFinished => "retrain_finished",
        AlertKind.RetrainRequested => "retrain_requested",
        AlertKind.DetectorFired => "detector_fired",
        AlertKind.CheckFailed => "check_failed",
        AlertKind.CheckRecovered => "check_recovered",
        AlertKind.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown alert kind."),
    };

    /// <summary>The kind named <paramref name="name"/> (case-insensitive), or false.</summary>
    public static bool TryParse(string? name, out AlertKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Reads a stored name; a name this build does not know is a damaged database, not user input.</summary>
    internal static AlertKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new InvalidDataException($"Unknown alert kind '{name}' in the database.");
}
