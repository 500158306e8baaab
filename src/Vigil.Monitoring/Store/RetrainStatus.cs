namespace Vigil.Monitoring.Store;

/// <summary>State of a retrain run. Only <see cref="Running"/> can change, and only once.</summary>
public enum RetrainStatus
{
    Running,
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>The process running it ended without finishing it (found on the next open).</summary>
    Abandoned,
}
