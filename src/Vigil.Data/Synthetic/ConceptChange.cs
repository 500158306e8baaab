namespace Vigil.Data.Synthetic;

/// <summary>How <see cref="ConceptDrift"/> changes the rule from features to label.</summary>
public enum ConceptChange
{
    /// <summary>
    /// A new random linear teacher: the label is recomputed from a random direction through the standardized features.
    /// Classes: rows are ranked by that score and cut at quantiles matching the current class shares, so class
    /// balance is kept while which rows get which class changes. Regression: the score rescaled to the label's mean
    /// and standard deviation.
    /// </summary>
    NewTeacher,

    /// <summary>
    /// The label is mirrored where the region feature is above its median: class c becomes (k − 1 − c) (a flip for
    /// two classes), a numeric target y becomes 2·mean − y. Rows at or below the median keep their label.
    /// </summary>
    FlipRegion,
}
