namespace Vigil.AutoML.Validation;

/// <summary>Row indices to train on and to score on.</summary>
internal sealed record Fold(int[] Train, int[] Valid);
