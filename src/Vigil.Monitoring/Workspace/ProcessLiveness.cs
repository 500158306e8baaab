using System.Diagnostics;

namespace Vigil.Monitoring.Workspace;

/// <summary>
/// Whether the process that left something behind (an incoming bundle folder, a running retrain) still runs.
/// A reused process id makes a dead owner look alive; the leftover then waits for a later open.
/// </summary>
internal static class ProcessLiveness
{
    public static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
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
}
