using System.Globalization;

namespace Vigil.Rendering.Svg;

/// <summary>
/// Readable ticks on a UTC time axis: the step is chosen from calendar-friendly intervals (minutes … years) and
/// ticks fall on whole multiples of it, so labels read "Mar 3", "Mar 10" rather than arbitrary instants.
/// </summary>
internal static class TimeTicks
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12),
        TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7), TimeSpan.FromDays(14),
    ];

    /// <summary>Ticks within [start, end] with their labels; about <paramref name="target"/> of them.</summary>
    public static IReadOnlyList<(DateTimeOffset At, string Label)> For(DateTimeOffset start, DateTimeOffset end,
        int target = 6)
    {
        start = start.ToUniversalTime();
        end = end.ToUniversalTime();
        if (end <= start)
        {
            return [(start, Format(start, TimeSpan.FromHours(1), start, end))];
        }

        var rough = (end - start) / Math.Max(1, target);
        var result = new List<(DateTimeOffset, string)>();
        if (rough > TimeSpan.FromDays(20))
        {
            // Calendar months: 1, 3, 6 or 12 at a time, or whole years when the span is decades or more.
            var months = rough.TotalDays < 40 ? 1 : rough.TotalDays < 110 ? 3 : rough.TotalDays < 200 ? 6 : 12 * (int)Math.Max(1, Math.Round(rough.TotalDays / 365.25));
            var t = new DateTimeOffset(start.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
            while (t < start || (t.Month - 1) % months != 0)
            {
                t = t.AddMonths(1);
            }

            for (; t <= end; t = t.AddMonths(months))
            {
                if (t.Year * 12L + t.Month + months > (9999 * 12L) + 12)
                {
                    result.Add((t, t.ToString("yyyy", CultureInfo.InvariantCulture)));
                    break; // the next tick would be past year 9999
                }

                var label = months >= 12
                    ? t.ToString("yyyy", CultureInfo.InvariantCulture)
                    : t.ToString(t.Month == 1 ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture);
                result.Add((t, label));
            }

            return result;
        }

        // The step nearest the rough one on a log scale, so 14 days at 7 ticks gives 2-day ticks, not weekly ones.
        var step = Steps[0];
        foreach (var s in Steps)
        {
            if (Math.Abs(Math.Log(s / rough)) < Math.Abs(Math.Log(step / rough)))
            {
                step = s;
            }
        }

        // Weekly ticks land on Mondays; smaller steps on multiples of the step since midnight UTC.
        DateTimeOffset first;
        if (step >= TimeSpan.FromDays(7))
        {
            var day = new DateTimeOffset(start.Date, TimeSpan.Zero);
            var offset = ((int)day.DayOfWeek + 6) % 7;
            first = day.AddDays(-offset);
        }
        else
        {
            var ticks = start.UtcTicks / step.Ticks * step.Ticks;
            first = new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        while (first < start && TimeRange.CanAdd(first, step))
        {
            first += step;
        }

        for (var t = first; t <= end; t += step)
        {
            result.Add((t, Format(t, step, start, end)));
            if (!TimeRange.CanAdd(t, step))
            {
                break; // the next tick would be past the last representable instant
            }
        }

        return result;
    }

    private static string Format(DateTimeOffset t, TimeSpan step, DateTimeOffset start, DateTimeOffset end)
    {
        if (step >= TimeSpan.FromDays(1))
        {
            return t.ToString("MMM d", CultureInfo.InvariantCulture);
        }

        // Within a day only the clock matters; across days, midnight ticks carry the date.
        var sameDay = start.Date == end.Date;
        if (!sameDay && t.TimeOfDay == TimeSpan.Zero)
        {
            return t.ToString("MMM d", CultureInfo.InvariantCulture);
        }

        return t.ToString("HH:mm", CultureInfo.InvariantCulture);
    }
}
