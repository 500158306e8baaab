namespace Vigil.Cluster.Models;

/// <summary>
/// One model's scheduling, once in the whole cluster (key: the model name). Nodes report the rows they committed;
/// the grain decides when a check is due, runs it on its own silo, and starts (and watches) the model's retrain.
/// </summary>
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>A node committed <paramref name="rows"/> new prediction rows of this model (summed per node and report interval).</summary>
    Task RowsCommitted(long rows);

    /// <summary>Activates the grain if it is not (after its silo died, or at a node's start); does nothing else.</summary>
    Task Wake();

    /// <summary>
    /// Starts a retrain asked for through the API (of any node) on this grain's silo, unless one runs: every retrain of
    /// a model goes through its grain, so there is at most one at a time in the cluster.
    /// </summary>
    Task<RetrainStart> RequestRetrain(RetrainAsk ask);

    /// <summary>Cancels run <paramref name="run"/> if it runs on this grain's silo; false otherwise.</summary>
    Task<bool> CancelRetrain(long run);

    /// <summary>Where the model's scheduling stands (for tests, metrics and operators).</summary>
    Task<ModelGrainStatus> Status();
}
