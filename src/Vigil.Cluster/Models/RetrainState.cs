namespace Vigil.Cluster.Models;

/// <summary>A retrain run as the store has it, for the grain that watches it.</summary>
public enum RetrainState
{
    /// <summary>Recorded as running.</summary>
    Running,

    /// <summary>Finished (succeeded, failed, cancelled or abandoned).</summary>
    Finished,

    /// <summary>Not in the store.</summary>
    Missing,
}
