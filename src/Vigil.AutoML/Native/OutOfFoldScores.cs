namespace Vigil.AutoML.Native;

/// <summary>
/// What <see cref="OutOfFoldClassifier"/> found: each row's probability of class 1 from the fold model that did not
/// train on it, the fold each row was held out in (0 to <see cref="Folds"/> − 1), and each feature's total split gain
/// summed over the fold models (LightGBM's gain importance).
/// </summary>
public sealed record OutOfFoldScores(double[] Scores, int[] Fold, double[] GainImportance, int Folds);
