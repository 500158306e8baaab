namespace Vigil.Monitoring.Policy;

/// <summary>The shadow policy's verdict: promote or keep the champion, why in one line, and each criterion with its figures.</summary>
public sealed record ShadowDecision(bool Promote, string Summary, IReadOnlyList<ShadowCriterion> Criteria);
