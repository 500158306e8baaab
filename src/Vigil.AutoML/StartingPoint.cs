namespace Vigil.AutoML;

/// <summary>A configuration to evaluate before the local search of its learner starts (warm start).</summary>
public sealed record StartingPoint(string Learner, IReadOnlyDictionary<string, double> Config);
