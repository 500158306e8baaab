using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Policy;

/// <summary>
/// How one trigger came out: a reason fired or did not, a gate passes or blocks. The kind comes from the trigger, and
/// an outcome of the other kind cannot be built, so "a gate that fired" is not representable.
/// <see cref="Fired"/> and <see cref="Blocking"/> stay as read-only views of the outcome (stored decisions and the
/// API's JSON carry them).
/// </summary>
[JsonConverter(typeof(TriggerEvaluationJsonConverter))]
public sealed record TriggerEvaluation
{
    /// <summary>An evaluation; throws when <paramref name="outcome"/> is not one of the trigger's kind.</summary>
    public TriggerEvaluation(RetrainTrigger trigger, TriggerOutcome outcome, string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        if (!trigger.Kind().Allows(outcome))
        {
            throw new ArgumentException($"{trigger} is a {trigger.Kind().ToString().ToLowerInvariant()}; it cannot have the outcome {outcome}.", nameof(outcome));
        }

        Trigger = trigger;
        Outcome = outcome;
        Detail = detail;
    }

    /// <summary>The trigger evaluated.</summary>
    public RetrainTrigger Trigger { get; }

    /// <summary>Reason or gate (from <see cref="Trigger"/>).</summary>
    public TriggerKind Kind => Trigger.Kind();

    /// <summary>Fired / not fired for a reason; passes / blocks for a gate.</summary>
    public TriggerOutcome Outcome { get; }

    /// <summary>Why, in one sentence with the figures.</summary>
    public string Detail { get; }

    /// <summary>True for a reason that argues for retraining.</summary>
    public bool Fired => Outcome == TriggerOutcome.Fired;

    /// <summary>True for a gate that forbids retraining now.</summary>
    public bool Blocking => Outcome == TriggerOutcome.Blocks;

    /// <summary>A reason's evaluation.</summary>
    public static TriggerEvaluation Reason(RetrainTrigger trigger, bool fired, string detail) =>
        new(trigger, fired ? TriggerOutcome.Fired : TriggerOutcome.NotFired, detail);

    /// <summary>A gate's evaluation.</summary>
    public static TriggerEvaluation Gate(RetrainTrigger trigger, bool blocks, string detail) =>
        new(trigger, blocks ? TriggerOutcome.Blocks : TriggerOutcome.Passes, detail);
}
