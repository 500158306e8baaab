namespace Vigil.Monitoring.Policy;

/// <summary>What a trigger does in a <see cref="RetrainPolicy"/>: argue for retraining, or forbid it for now.</summary>
public enum TriggerKind
{
    /// <summary>A reason to retrain: it fires or it does not.</summary>
    Reason,

    /// <summary>A gate: it passes or it blocks retraining now, whatever the reasons say.</summary>
    Gate,
}
