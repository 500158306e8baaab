using Orleans.Configuration;

namespace Vigil.Cluster.Hosting;

/// <summary>
/// Membership settings that let the cluster notice a dead node and move its models within 15 s (Orleans' defaults
/// take 15–30 s to declare a silo dead). Each silo probes up to three others every <see cref="ProbeTimeout"/>; a
/// silo that misses <see cref="MissedProbes"/> probes in a row is suspected, and two votes (every silo left when
/// fewer remain) declare it dead. Worst case after a SIGKILL: 3 × 2 s of probes, a vote and the gossip (under 1 s),
/// then the next wake-up call from any node (every 2 s) activates the dead node's grains elsewhere: about 9 s.
/// Indirect probes stay on: before voting a silo asks another one to probe, so one slow link (or a busy machine) does
/// not kill a live node. Docs: docs/scale.md, "Cluster".
/// </summary>
public static class MembershipTimings
{
    /// <summary>Interval and timeout of one probe. Orleans' default is 5 s.</summary>
    public static TimeSpan ProbeTimeout { get; } = TimeSpan.FromSeconds(2);

    /// <summary>Probes missed in a row before a silo votes the other dead. Orleans' default is 3.</summary>
    public const int MissedProbes = 3;

    /// <summary>Votes that declare a silo dead (all remaining silos when there are fewer). Orleans' default.</summary>
    public const int VotesForDeath = 2;

    /// <summary>A vote older than this no longer counts; Orleans' default is 2 min, far longer than a probe round.</summary>
    public static TimeSpan DeathVoteExpiration { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each silo reads the whole membership table (gossip tells changes at once). Default 60 s.</summary>
    public static TimeSpan TableRefresh { get; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a silo writes "I am alive" to the table (used by silos that join). Default 5 min.</summary>
    public static TimeSpan IAmAlivePublish { get; } = TimeSpan.FromSeconds(30);

    /// <summary>Applies the timings above.</summary>
    public static void Apply(ClusterMembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ProbeTimeout = ProbeTimeout;
        options.NumMissedProbesLimit = MissedProbes;
        options.NumVotesForDeathDeclaration = VotesForDeath;
        options.DeathVoteExpirationTimeout = DeathVoteExpiration;
        options.TableRefreshTimeout = TableRefresh;
        options.IAmAliveTablePublishTimeout = IAmAlivePublish;
        options.EnableIndirectProbes = true;
    }
}
