namespace Vigil.Server.Scheduling;

/// <summary>Exponential backoff between attempts of a failing scheduled check: first, 2×, 4×, … up to a cap.</summary>
internal static class FailureBackoff
{
    /// <summary>The wait after the <paramref name="attempts"/>-th failing attempt (1-based).</summary>
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        if (first <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        // 2^(attempts-1) overflows long ticks quickly; stop doubling once the cap is reached.
        var wait = first;
        for (var i = 1; i < attempts && wait < max; i++)
        {
            wait = wait > max / 2 ? max : wait * 2;
        }

        return wait < max ? wait : max;
    }
}
