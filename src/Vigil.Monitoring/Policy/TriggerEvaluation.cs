namespace Vigil.Monitoring.Policy;

/// <summary>
/// How one trigger came out. For a reason, <see cref="Fired"/> says it argues for retraining; for a gate,
/// <see cref="Blocking"/> says it forbids retraining now. A disabled trigger neither fires nor blocks.
/// </summary>
public sealed record TriggerEvaluation(RetrainTrigger Trigger, bool Fired, bool Blocking, string Detail);
