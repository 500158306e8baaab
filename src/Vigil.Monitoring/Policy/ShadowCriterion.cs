namespace Vigil.Monitoring.Policy;

/// <summary>One criterion of <see cref="ShadowPolicy"/>: a <c>gate</c> that must pass or the <c>reason</c> that must fire, with its figures.</summary>
public sealed record ShadowCriterion(string Name, string Kind, bool Passed, string Detail);
