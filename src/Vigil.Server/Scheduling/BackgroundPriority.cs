using System.Runtime.InteropServices;

namespace Vigil.Server.Scheduling;

/// <summary>
/// Lowers the CPU priority of the calling thread for background work (retraining), so that on a small machine
/// ingestion and reads get the cores first and the retrain takes what is left. On Linux this is the thread's nice
/// value (threads the retrain starts inherit it); on Windows the thread priority; elsewhere nothing.
/// </summary>
internal static class BackgroundPriority
{
    private const int PrioProcess = 0;

    /// <summary>Applies <paramref name="nice"/> (1–19; 0 or a thread already at least that nice is left alone). False when the platform refused.</summary>
    public static bool Lower(int nice)
    {
        if (nice <= 0)
        {
            return true;
        }

        nice = Math.Min(nice, 19);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // Never raise it: a server started under `nice` keeps at least its own value.
                return CurrentNice() >= nice || SetPriority(PrioProcess, GetTid(), nice) == 0;
            }

            if (OperatingSystem.IsWindows())
            {
                Thread.CurrentThread.Priority = nice >= 10 ? ThreadPriority.Lowest : ThreadPriority.BelowNormal;
                return true;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // A libc without gettid: run at normal priority.
        }

        return false;
    }

    /// <summary>The calling thread's nice value on Linux (null elsewhere); used by tests.</summary>
    public static int? CurrentNice()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            // Fields after the parenthesised command name: state is field 3, nice is field 19.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Plain int signatures: no marshalling, so DllImport needs no unsafe code.
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int prio);

    [DllImport("libc", EntryPoint = "gettid")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int GetTid();
}
