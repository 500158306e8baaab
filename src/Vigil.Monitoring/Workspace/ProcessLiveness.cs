using System.Diagnostics;
using System.Globalization;

namespace Vigil.Monitoring.Workspace;

/// <summary>
/// Whether the process that left something behind (an incoming bundle folder, a running retrain) still runs.
/// A process id alone can lie: after a crash the id may belong to a new process (reuse), or to the dead owner
/// itself while its parent has not reaped it (a zombie). So owners are also recorded with a <em>start mark</em>
/// that a later process can compare: on Linux the boot id plus the start time in clock ticks since boot (field 22
/// of <c>/proc/PID/stat</c>), elsewhere the process start time. A live process with another mark is another process.
/// </summary>
internal static class ProcessLiveness
{
    private static readonly Lazy<string?> CurrentMark = new(() => StartMark(Environment.ProcessId));

    /// <summary>The start mark of this process (null when the platform gives none).</summary>
    public static string? CurrentStartMark => CurrentMark.Value;

    /// <summary>True while a process with id <paramref name="pid"/> runs and is not a zombie. Cannot tell a reused id.</summary>
    public static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        if (OperatingSystem.IsLinux())
        {
            return LinuxStat.Read(pid) is { } stat && !stat.IsDead;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// True while the process that recorded (<paramref name="pid"/>, <paramref name="startMark"/>) runs. A null mark
    /// (written before marks existed) falls back to <see cref="IsRunning(int)"/>, except for our own id. When the mark of a live process
    /// cannot be read the answer is true: an owner is only declared dead on proof.
    /// </summary>
    public static bool IsRunning(int pid, string? startMark)
    {
        if (startMark is null)
        {
            // This process writes a mark whenever it has one, so an unmarked row with our id was written by an
            // earlier process that had the same id.
            return pid == Environment.ProcessId ? CurrentStartMark is null : IsRunning(pid);
        }

        if (pid == Environment.ProcessId && startMark == CurrentStartMark)
        {
            return true;
        }

        if (!IsRunning(pid))
        {
            return false;
        }

        var now = StartMark(pid);
        return now is null || now == startMark;
    }

    /// <summary>The start mark of process <paramref name="pid"/>, or null when it does not run or the platform gives none.</summary>
    public static string? StartMark(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            return LinuxStat.Read(pid) is { } stat && LinuxStat.BootId is { } boot
                ? string.Create(CultureInfo.InvariantCulture, $"linux:{boot}:{stat.StartTicks}")
                : null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return string.Create(CultureInfo.InvariantCulture, $"start:{process.StartTime.ToUniversalTime().Ticks}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
