using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Vigil.LoadGen;

/// <summary>
/// Waits until a send time with little processor time and little lateness. <c>Thread.Sleep</c> only takes whole
/// milliseconds, so at 500 requests a second (2 ms apart) the generator used to yield in a loop for up to a millisecond
/// before every send — a quarter to a half of one of the two cores the measured server needs. Here it sleeps with
/// <c>nanosleep</c> to 150 µs before the send time and yields only for that last stretch; a late send still counts
/// against the server (latency runs from the due time), so the generator is never early and rarely late.
/// </summary>
internal static partial class SendClock
{
    private const double Margin = 150e-6;

    public static void WaitUntil(Stopwatch watch, double due)
    {
        var wait = due - watch.Elapsed.TotalSeconds - Margin;
        if (wait > 0)
        {
            if (OperatingSystem.IsLinux())
            {
                var span = new TimeSpec { Seconds = (long)wait, Nanoseconds = (long)((wait - Math.Floor(wait)) * 1e9) };
                _ = NanoSleep(in span, IntPtr.Zero);
            }
            else if (wait >= 0.001)
            {
                Thread.Sleep((int)(wait * 1000));
            }
        }

        while (watch.Elapsed.TotalSeconds < due)
        {
            Thread.Yield();
        }
    }

    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static partial int NanoSleep(in TimeSpec request, IntPtr remaining);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
