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

    /// <summary>Where the model's scheduling stands (for tests, metrics and operators).</summary>
    Task<ModelGrainStatus> Status();
}
