using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using StackExchange.Redis;
using Vigil.Cluster.Nodes;

namespace Vigil.Cluster.Hosting;

/// <summary>
/// Configures the silo a node hosts in cluster mode: membership through Redis (<see cref="ClusterSettings.Redis"/>),
/// the node's endpoints, the membership timings (<see cref="MembershipTimings"/>), and the grain storage the model
/// grains keep their scheduling cursor in (the same Redis server).
/// </summary>
public static class VigilSilo
{
    /// <summary>Name of the grain storage of <see cref="Models.ModelGrain"/>'s cursor.</summary>
    public const string StorageName = "vigil";

    public static void Configure(ISiloBuilder silo, ClusterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        var redis = ConfigurationOptions.Parse(settings.Redis!);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
        silo.AddRedisGrainStorage(StorageName, o => o.ConfigurationOptions = redis.Clone());
        silo.Configure<EndpointOptions>(o =>
        {
            o.AdvertisedIPAddress = IPAddress.Parse(settings.AdvertisedAddress);
            o.SiloPort = settings.SiloPort;
            o.GatewayPort = settings.GatewayPort;
            o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Parse(settings.AdvertisedAddress), settings.SiloPort);
            o.GatewayListeningEndpoint = settings.GatewayPort == 0 ? null : new IPEndPoint(IPAddress.Parse(settings.AdvertisedAddress), settings.GatewayPort);
        });
        silo.Configure<ClusterMembershipOptions>(MembershipTimings.Apply);
        silo.Services.AddSingleton<GrainGauges>();
        silo.Services.AddSingleton<ClusterView>();
    }
}
