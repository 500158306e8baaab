namespace Vigil.Cluster;

/// <summary>
/// <c>Vigil:Cluster</c>: how a node joins the cluster (<c>vigil serve --cluster</c>). Every node of one cluster names
/// the same Redis server, <see cref="ClusterId"/> and <see cref="ServiceId"/>, and shares one store.
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>True runs this node as a silo of the cluster (<c>--cluster</c>). Default false: one process, no Orleans.</summary>
    public bool Enabled { get; set; }

    /// <summary>StackExchange.Redis connection string of the membership server, e.g. <c>127.0.0.1:6379</c>. Required in cluster mode.</summary>
    public string? Redis { get; set; }

    /// <summary>Names one deployment of the cluster; nodes with another id never see each other. Default <c>vigil</c>.</summary>
    public string ClusterId { get; set; } = "vigil";

    /// <summary>Names the service across deployments (it keys the grains' stored state). Default <c>vigil</c>.</summary>
    public string ServiceId { get; set; } = "vigil";

    /// <summary>Port the silo talks to the other silos on. Default 11111; each node of one machine needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port for Orleans clients (none of Vigil's parts needs one); 0 (default) opens no gateway.</summary>
    public int GatewayPort { get; set; }

    /// <summary>Address the other silos reach this one on. Default <c>127.0.0.1</c> (a cluster on one machine).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// How often each node reports the rows it committed to the models' grains. Default 250 ms: one call per model
    /// per interval, not one per request.
    /// </summary>
    public TimeSpan ReportEvery { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often each node wakes the grain of every registered model, which activates a model's grain on a live silo
    /// after its silo died. Default 2 s.
    /// </summary>
    public TimeSpan WakeEvery { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Checks the settings; the message names the key that is wrong.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Redis))
        {
            throw new ClusterConfigurationException("Vigil:Cluster:Redis is required with --cluster (a Redis connection string such as 127.0.0.1:6379).");
        }

        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
        {
            throw new ClusterConfigurationException($"Vigil:Cluster:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.");
        }

        if (SiloPort is < 1 or > 65535)
        {
            throw new ClusterConfigurationException($"Vigil:Cluster:SiloPort {SiloPort} is not a port (1–65535).");
        }

        if (GatewayPort is < 0 or > 65535 || (GatewayPort != 0 && GatewayPort == SiloPort))
        {
            throw new ClusterConfigurationException($"Vigil:Cluster:GatewayPort {GatewayPort} must be 0 (none) or a port other than the silo port.");
        }

        if (string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId))
        {
            throw new ClusterConfigurationException("Vigil:Cluster:ClusterId and Vigil:Cluster:ServiceId must not be empty.");
        }

        if (ReportEvery <= TimeSpan.Zero || WakeEvery <= TimeSpan.Zero)
        {
            throw new ClusterConfigurationException("Vigil:Cluster:ReportEvery and Vigil:Cluster:WakeEvery must be positive.");
        }
    }
}
