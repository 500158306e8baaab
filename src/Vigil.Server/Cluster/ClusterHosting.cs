using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Cluster;
using Vigil.Cluster.Hosting;
using Vigil.Cluster.Models;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Cluster;

/// <summary>
/// <c>vigil serve --cluster</c>: the node hosts an Orleans silo in its ASP.NET host, the model grains schedule the
/// checks and retrains (the one-process <see cref="CheckScheduler"/> stays idle), and a <see cref="RowReporter"/>
/// tells the grains what this node stored. Without <c>Vigil:Cluster:Enabled</c> nothing here runs.
/// </summary>
internal static class ClusterHosting
{
    /// <summary>The cluster settings in <paramref name="configuration"/> (section <c>Vigil:Cluster</c>).</summary>
    public static ClusterSettings Read(IConfiguration configuration) =>
        configuration.GetSection("Vigil:Cluster").Get<ClusterSettings>() ?? new ClusterSettings();

    /// <summary>Adds the silo and the node's parts when the configuration asks for a cluster; false otherwise.</summary>
    public static bool AddVigilCluster(this WebApplicationBuilder builder)
    {
        var settings = Read(builder.Configuration);
        if (!settings.Enabled)
        {
            return false;
        }

        settings.Validate();
        // Orleans reports every activation and connection at Information; membership changes come as warnings.
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning); // Orleans' placement retries log every attempt
        builder.UseOrleans(silo => VigilSilo.Configure(silo, settings));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(sp => Schedule(sp.GetRequiredService<IOptions<ServerOptions>>().Value.Scheduler));
        builder.Services.AddSingleton<RowReporter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RowReporter>());
        builder.Services.AddSingleton<IModelWork, NodeModelWork>();
        builder.Services.AddSingleton<IScheduledCheckFailures, GrainCheckFailures>(); // replaces scheduler.json's (registered before)
        return true;
    }

    private static ScheduleSettings Schedule(SchedulerOptions scheduler) => new()
    {
        // Scheduler:Enabled=false turns scheduled checks off in a cluster too.
        CheckEveryRows = scheduler.Enabled ? scheduler.CheckEveryRows : 0,
        CheckEvery = scheduler.Enabled ? scheduler.CheckEvery : null,
        AutoRetrain = scheduler.AutoRetrain,
        Poll = scheduler.Poll,
        Backoff = attempts => FailureBackoff.After(attempts, scheduler.FailureBackoff, scheduler.FailureBackoffMax),
    };
}
