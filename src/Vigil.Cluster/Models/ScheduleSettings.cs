namespace Vigil.Cluster.Models;

/// <summary>
/// When a model grain checks and retrains (the node's <c>Vigil:Scheduler</c> settings; every node of a cluster should
/// have the same). <see cref="Backoff"/> gives the wait after the n-th failing attempt.
/// </summary>
public sealed record ScheduleSettings
{
    /// <summary>Check after this many new rows (0 = off).</summary>
    public int CheckEveryRows { get; init; } = 1000;

    /// <summary>Also check on this period when rows arrived (null = off).</summary>
    public TimeSpan? CheckEvery { get; init; }

    /// <summary>Start a retrain when the policy decides so.</summary>
    public bool AutoRetrain { get; init; } = true;

    /// <summary>How often the grain looks for work.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the n-th (1-based) failing scheduled check.</summary>
    public Func<int, TimeSpan> Backoff { get; init; } = _ => TimeSpan.FromSeconds(30);

    /// <summary>
    /// A grain activated at least this long ago moves to a silo that started after its own when the deal
    /// (<see cref="ModelDeal"/>) gives it that silo, so a node that joins takes work; a younger one stays (no moves
    /// right after a failover). Default 10 s.
    /// </summary>
    public TimeSpan RebalanceAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>True when scheduled checks can run at all.</summary>
    public bool Checks => CheckEveryRows > 0 || CheckEvery is not null;
}
