namespace Vigil.Data.Synthetic;

/// <summary>
/// Settings for <see cref="ClassificationGenerator"/>, after scikit-learn's <c>make_classification</c>.
/// Features are ordered informative, then redundant, then noise: f0..f{Informative-1} are informative.
/// </summary>
public sealed record ClassificationOptions
{
    /// <summary>Number of rows.</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>Total numeric features (informative + redundant + noise), named f0..f{Features-1}.</summary>
    public int Features { get; init; } = 20;

    /// <summary>Features that carry the class signal: Gaussian clusters around hypercube vertices.</summary>
    public int Informative { get; init; } = 2;

    /// <summary>Features that are random linear combinations of the informative ones.</summary>
    public int Redundant { get; init; } = 2;

    /// <summary>Noise features (standard normal, unrelated to the class): Features − Informative − Redundant.</summary>
    public int Noise => Features - Informative - Redundant;

    /// <summary>Number of classes; the label holds class indices 0..Classes-1.</summary>
    public int Classes { get; init; } = 2;

    /// <summary>Gaussian clusters per class; Classes × ClustersPerClass must not exceed 2^Informative.</summary>
    public int ClustersPerClass { get; init; } = 2;

    /// <summary>Half the side of the hypercube whose vertices are the cluster centres: larger means easier classes.</summary>
    public double ClassSeparation { get; init; } = 1.0;

    /// <summary>Share of rows whose label is replaced by a uniformly drawn class (which may equal the old one).</summary>
    public double FlipY { get; init; } = 0.01;

    /// <summary>
    /// Class proportions (Classes values, or Classes − 1 with the last taking the rest); normalized to sum to one.
    /// Null means balanced classes.
    /// </summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Categorical features c0..c{k-1} added after the numeric ones; their frequencies depend weakly on the class.</summary>
    public int CategoricalFeatures { get; init; }

    /// <summary>Number of categories ("v0".."v{n-1}") in each categorical feature.</summary>
    public int CategoricalCardinality { get; init; } = 4;

    /// <summary>How strongly category frequencies depend on the class: the standard deviation of per-class log-odds tilts (0 = independent).</summary>
    public double CategoricalClassDependence { get; init; } = 0.5;

    /// <summary>Shuffle rows so clusters are not in contiguous blocks.</summary>
    public bool ShuffleRows { get; init; } = true;

    /// <summary>Name of the label column.</summary>
    public string LabelName { get; init; } = "target";

    /// <summary>Seed: the same options give the same table, cell for cell.</summary>
    public int Seed { get; init; }
}
