using Vigil.Cluster.Models;

namespace Vigil.Cluster.Tests;

/// <summary>The grain's rule for a due check: every N rows, on a period when rows arrived, at once on a stream change, never during a backoff.</summary>
public sealed class ScheduleRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, false)]
    [InlineData(999, false)]
    [InlineData(1000, true)]
    [InlineData(2500, true)]
    public void A_check_is_due_every_n_rows_since_the_last_one(long fresh, bool due)
    {
        var settings = new ScheduleSettings { CheckEveryRows = 1000 };
        Assert.Equal(due, ScheduleRule.IsDue(settings, fresh, new ModelCursor { CoveredThrough = 4000 }, streamChange: false, Now));
    }

    [Fact]
    public void A_periodic_check_needs_new_rows_and_the_period_to_have_passed()
    {
        var settings = new ScheduleSettings { CheckEveryRows = 0, CheckEvery = TimeSpan.FromMinutes(10) };
        var cursor = new ModelCursor { CoveredThrough = 50, LastCheckAt = Now.AddMinutes(-11) };
        Assert.True(ScheduleRule.IsDue(settings, 1, cursor, false, Now));
        Assert.False(ScheduleRule.IsDue(settings, 0, cursor, false, Now)); // nothing new
        cursor.LastCheckAt = Now.AddMinutes(-9);
        Assert.False(ScheduleRule.IsDue(settings, 1, cursor, false, Now)); // too early
        Assert.True(ScheduleRule.IsDue(settings, 1, new ModelCursor(), false, Now)); // never checked
    }

    [Fact]
    public void A_stream_change_makes_a_check_due_at_once_but_not_during_a_backoff()
    {
        var settings = new ScheduleSettings { CheckEveryRows = 1000 };
        Assert.True(ScheduleRule.IsDue(settings, 10, new ModelCursor(), streamChange: true, Now));
        var failing = new ModelCursor { Failure = new CheckFailure(Now, Now, 1, "boom", Now.AddSeconds(30)) };
        Assert.False(ScheduleRule.IsDue(settings, 5000, failing, streamChange: true, Now));
        Assert.True(ScheduleRule.IsDue(settings, 5000, failing, streamChange: false, Now.AddSeconds(30)));
    }

    [Fact]
    public void Each_failure_keeps_its_start_and_waits_longer()
    {
        var settings = new ScheduleSettings { Backoff = attempts => TimeSpan.FromSeconds(30 << (attempts - 1)) };
        var first = ScheduleRule.Failed(settings, null, Now, "IOException: disk");
        Assert.Equal((Now, 1, Now.AddSeconds(30)), (first.Since, first.Attempts, first.NextAttemptAt));
        var second = ScheduleRule.Failed(settings, first, Now.AddSeconds(31), "IOException: disk");
        Assert.Equal((Now, 2, Now.AddSeconds(31 + 60)), (second.Since, second.Attempts, second.NextAttemptAt));
    }
}
