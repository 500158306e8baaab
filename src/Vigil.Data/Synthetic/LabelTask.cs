namespace Vigil.Data.Synthetic;

/// <summary>What the label column holds, for <see cref="ConceptDrift"/>.</summary>
public enum LabelTask
{
    /// <summary>Classes: a numeric column of class indices 0..k−1 (as the generator makes) or a categorical column.</summary>
    Classification,

    /// <summary>A continuous numeric target.</summary>
    Regression,
}
