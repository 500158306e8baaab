namespace Vigil.AutoML;

/// <summary>The best a learner reached during the search.</summary>
public sealed record LearnerSummary(string Learner, IReadOnlyDictionary<string, double>? BestConfig, double BestLoss, int Trials, TimeSpan TimeSpent);
