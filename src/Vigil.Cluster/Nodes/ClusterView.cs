using Orleans.Runtime;

namespace Vigil.Cluster.Nodes;

/// <summary>The membership as this silo sees it: its own status and the silos that are active.</summary>
public sealed class ClusterView(IClusterMembershipService membership, ILocalSiloDetails local)
{
    /// <summary>This silo's address.</summary>
    public SiloAddress Silo => local.SiloAddress;

    /// <summary>This silo's status in the membership (<c>None</c> before it joined).</summary>
    public SiloStatus Status => membership.CurrentSnapshot.GetSiloStatus(local.SiloAddress);

    /// <summary>The version of the membership this silo sees; it changes when a silo joins, leaves or dies.</summary>
    public MembershipVersion Version => membership.CurrentSnapshot.Version;

    /// <summary>Silos whose status is Active.</summary>
    public int ActiveSilos => membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);

    /// <summary>The addresses of the active silos (a restarted node is a new address: same endpoint, new generation).</summary>
    public IReadOnlySet<SiloAddress> ActiveSiloAddresses() =>
        membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();

    /// <summary>True when <paramref name="silo"/> (a <c>SiloAddress.ToParsableString</c>) is not dead: active, joining or stopping.</summary>
    public bool IsAlive(string silo)
    {
        var address = SiloAddress.FromParsableString(silo);
        return membership.CurrentSnapshot.Members.TryGetValue(address, out var member)
            && member.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.Created or SiloStatus.ShuttingDown or SiloStatus.Stopping;
    }
}
