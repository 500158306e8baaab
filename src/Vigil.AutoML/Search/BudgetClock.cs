namespace Vigil.AutoML.Search;

/// <summary>
/// Time accounting for one fit. The search may use the budget; the whole fit (final refit included) must end
/// by budget × 1.1 + 2 s, so the hard limit keeps half a second for writing the result.
/// </summary>
internal sealed class BudgetClock
{
    private readonly TimeProvider _time;
    private readonly long _start;

    public BudgetClock(TimeProvider time, TimeSpan? budget)
    {
        _time = time;
        _start = time.GetTimestamp();
        Budget = budget?.TotalSeconds;
    }

    public double? Budget { get; }

    public TimeProvider Time => _time;

    public double Elapsed => _time.GetElapsedTime(_start).TotalSeconds;

    /// <summary>Latest moment (seconds from start) anything may still run.</summary>
    public double HardLimit => Budget is { } b ? (b * 1.1) + 1.5 : double.PositiveInfinity;

    public TimeSpan? Remaining => Budget is { } b ? TimeSpan.FromSeconds(Math.Max(0, b - Elapsed)) : null;

    /// <summary>A token that fires at <paramref name="deadline"/> seconds from start (never without a budget) or with <paramref name="outer"/>.</summary>
    public Deadline Until(double deadline, CancellationToken outer)
    {
        var timer = double.IsPositiveInfinity(deadline)
            ? new CancellationTokenSource()
            : new CancellationTokenSource(TimeSpan.FromSeconds(Math.Max(0.001, deadline - Elapsed)), _time);
        return new Deadline(timer, CancellationTokenSource.CreateLinkedTokenSource(outer, timer.Token));
    }

    /// <summary>Owns the timer and the linked source so both are disposed together.</summary>
    internal sealed class Deadline(CancellationTokenSource timer, CancellationTokenSource linked) : IDisposable
    {
        public CancellationToken Token => linked.Token;

        public bool TimedOut => timer.IsCancellationRequested;

        public void Dispose()
        {
            linked.Dispose();
            timer.Dispose();
        }
    }
}
