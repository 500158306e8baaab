namespace Vigil.Monitoring.Policy;

/// <summary>What each <see cref="RetrainTrigger"/> is: its kind and the name people read.</summary>
public static class RetrainTriggers
{
    /// <summary>Whether <paramref name="trigger"/> is a reason or a gate.</summary>
    public static TriggerKind Kind(this RetrainTrigger trigger) => trigger switch
    {
        RetrainTrigger.ConfidentDegradation or RetrainTrigger.DatasetDrift or RetrainTrigger.ImportantFeaturePsi => TriggerKind.Reason,
        RetrainTrigger.StreamChange => TriggerKind.Reason,
        RetrainTrigger.EstimatedDegradation => TriggerKind.Reason,
        RetrainTrigger.MinNewLabels or RetrainTrigger.Cooldown or RetrainTrigger.RetrainLimit => TriggerKind.Gate,
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Unknown retrain trigger."),
    };

    /// <summary>The trigger's name in reports, the dashboard and the command line.</summary>
    public static string Title(this RetrainTrigger trigger) => trigger switch
    {
        RetrainTrigger.ConfidentDegradation => "Confident degradation",
        RetrainTrigger.DatasetDrift => "Dataset drift",
        RetrainTrigger.ImportantFeaturePsi => "PSI on important feature",
        RetrainTrigger.MinNewLabels => "Enough new labels",
        RetrainTrigger.Cooldown => "Cooldown",
        RetrainTrigger.RetrainLimit => "Retrain limit",
        RetrainTrigger.StreamChange => "Change on a stream",
        RetrainTrigger.EstimatedDegradation => "Estimated degradation",
        _ => trigger.ToString(),
    };

    /// <summary>True when <paramref name="outcome"/> is one a trigger of <paramref name="kind"/> can have.</summary>
    public static bool Allows(this TriggerKind kind, TriggerOutcome outcome) => kind == TriggerKind.Reason
        ? outcome is TriggerOutcome.Fired or TriggerOutcome.NotFired
        : outcome is TriggerOutcome.Passes or TriggerOutcome.Blocks;
}
