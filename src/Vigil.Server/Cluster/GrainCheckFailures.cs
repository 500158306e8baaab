using Microsoft.Extensions.Logging;
using Vigil.Cluster.Models;
using Vigil.Server.Scheduling;

namespace Vigil.Server.Cluster;

/// <summary>
/// A cluster node's <see cref="IScheduledCheckFailures"/>: the failure the model's grain keeps (its cursor), wherever
/// in the cluster the grain runs. The node-local <c>scheduler.json</c> is not used in cluster mode.
/// </summary>
internal sealed class GrainCheckFailures(IGrainFactory grains, ILogger<GrainCheckFailures> logger) : IScheduledCheckFailures
{
    public async Task<ScheduledCheckFailure?> Of(string model)
    {
        CheckFailure? failure;
        try
        {
            failure = (await grains.GetGrain<IModelGrain>(model).Status()).Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A read of the model must not fail while its grain moves (a node died): shown as unknown, i.e. absent.
            logger.LogWarning("The scheduling state of {Model} could not be read from its grain: {Error}", model, e.Message);
            return null;
        }

        return failure is null ? null : new ScheduledCheckFailure(failure.Since, failure.LastAttemptAt, failure.Attempts, failure.Error, failure.NextAttemptAt);
    }
}
