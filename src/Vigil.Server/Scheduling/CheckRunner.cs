using System.Diagnostics;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Store;
using Vigil.Server.Api;
using Vigil.Server.Metrics;

namespace Vigil.Server.Scheduling;

/// <summary>Runs a check of logged rows (API or scheduler) and publishes its figures as metrics.</summary>
public sealed class CheckRunner(WorkspaceHost host)
{
    public CheckOutcome Run(string model, WindowSpec window, string trigger, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var outcome = host.Monitor.CheckLogged(model, window, trigger, cancellationToken);
        VigilMetrics.CheckCompleted(model, watch.Elapsed, outcome.Result, trigger);
        return outcome;
    }
}
