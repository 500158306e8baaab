namespace Vigil.Cluster.Models;

/// <summary>
/// When a model's scheduled check is due: every <see cref="ScheduleSettings.CheckEveryRows"/> new rows, or every
/// <see cref="ScheduleSettings.CheckEvery"/> when rows arrived, or at once when a stream change warrants one; never
/// before a failing model's next attempt. The same rule as the one-process scheduler.
/// </summary>
public static class ScheduleRule
{
    /// <summary>True when a check is due with <paramref name="fresh"/> rows logged since the last one.</summary>
    public static bool IsDue(ScheduleSettings settings, long fresh, ModelCursor cursor, bool streamChange, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(cursor);
        if (cursor.Failure is { } failure && now < failure.NextAttemptAt)
        {
            return false;
        }

        return streamChange
            || (settings.CheckEveryRows > 0 && fresh >= settings.CheckEveryRows)
            || (settings.CheckEvery is { } every && fresh > 0 && (cursor.LastCheckAt is not { } at || now - at >= every));
    }

    /// <summary>The failure record after a failing attempt at <paramref name="now"/>.</summary>
    public static CheckFailure Failed(ScheduleSettings settings, CheckFailure? previous, DateTimeOffset now, string error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var attempts = (previous?.Attempts ?? 0) + 1;
        return new CheckFailure(previous?.Since ?? now, now, attempts, error, now + settings.Backoff(attempts));
    }
}
