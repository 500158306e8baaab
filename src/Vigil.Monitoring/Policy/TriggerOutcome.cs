namespace Vigil.Monitoring.Policy;

/// <summary>
/// How one trigger came out. A reason either <see cref="Fired"/> or <see cref="NotFired"/>; a gate either
/// <see cref="Passes"/> or <see cref="Blocks"/>. A disabled trigger does not fire (reason) or passes (gate).
/// </summary>
public enum TriggerOutcome
{
    /// <summary>A reason that does not argue for retraining.</summary>
    NotFired,

    /// <summary>A reason that argues for retraining.</summary>
    Fired,

    /// <summary>A gate that lets a retrain through.</summary>
    Passes,

    /// <summary>A gate that forbids retraining now.</summary>
    Blocks,
}
