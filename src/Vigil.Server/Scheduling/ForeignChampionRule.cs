using Vigil.Monitoring.Models;
using Vigil.Server.Api;

namespace Vigil.Server.Scheduling;

/// <summary>
/// What a policy-decided (scheduled) retrain does when the champion is not Vigil's own, as
/// <c>Vigil:Retrain:ForeignChampions</c> says: the one rule of the one-process scheduler and the cluster's grains.
/// </summary>
internal static class ForeignChampionRule
{
    private const string CompareOnly =
        "the champion was not trained by Vigil and Vigil:Retrain:ForeignChampions is 'compare' (promote it with 'vigil models promote')";

    /// <summary>
    /// The settings of a scheduled retrain of <paramref name="model"/>, or null when none should start
    /// (<c>request-only</c>: the <c>retrain_requested</c> alert is all).
    /// </summary>
    public static RetrainSettings? Scheduled(WorkspaceHost host, ServerOptions options, string model, string reason)
    {
        var scheduler = options.Scheduler;
        var foreign = host.Champion(model).Kind == ModelKind.Vigil ? null : options.Retrain.ForeignChampions;
        return foreign == "request-only"
            ? null
            : new RetrainSettings(scheduler.RetrainBudget, scheduler.RetrainMaxTrials, scheduler.RetrainRows, reason, "scheduler",
                foreign == "compare" ? CompareOnly : null);
    }
}
