using System.Globalization;

namespace Vigil.Monitoring.Workspace;

/// <summary>
/// The two facts <see cref="ProcessLiveness"/> needs from <c>/proc/PID/stat</c> (proc(5)): the state (field 3;
/// Z = zombie, X = dead) and the start time in clock ticks since boot (field 22). Ticks since boot are exact and
/// do not drift with the wall clock, unlike a start time computed from them; with the boot id they name one
/// process of one boot.
/// </summary>
internal sealed record LinuxStat(char State, long StartTicks)
{
    private static readonly Lazy<string?> Boot = new(() => ReadTrimmed("/proc/sys/kernel/random/boot_id"));

    /// <summary>This boot's id (changes at every boot), or null when unreadable.</summary>
    public static string? BootId => Boot.Value;

    /// <summary>A zombie or dead process: it has exited, only its parent has not collected it yet.</summary>
    public bool IsDead => State is 'Z' or 'X' or 'x';

    /// <summary>The stat of <paramref name="pid"/>, or null when there is no such process (or the text is not understood).</summary>
    public static LinuxStat? Read(int pid)
    {
        var text = ReadTrimmed(string.Create(CultureInfo.InvariantCulture, $"/proc/{pid}/stat"));
        return text is null ? null : Parse(text);
    }

    /// <summary>Parses a stat line. The command name (field 2) is in parentheses and may itself hold spaces and parentheses.</summary>
    internal static LinuxStat? Parse(string text)
    {
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        // After ") ": field 3 (state) is index 0, so field 22 (starttime) is index 19.
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19 && fields[0].Length == 1
            && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new LinuxStat(fields[0][0], ticks)
            : null;
    }

    private static string? ReadTrimmed(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
