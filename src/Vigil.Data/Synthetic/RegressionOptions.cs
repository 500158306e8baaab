namespace Vigil.Data.Synthetic;

/// <summary>Settings for <see cref="RegressionGenerator"/>, after scikit-learn's <c>make_regression</c>.</summary>
public sealed record RegressionOptions
{
    /// <summary>Number of rows.</summary>
    public int Samples { get; init; } = 1000;

    /// <summary>Numeric features f0..f{Features-1}, each standard normal.</summary>
    public int Features { get; init; } = 10;

    /// <summary>Features with a non-zero coefficient: f0..f{Informative-1}, coefficients uniform on [0, 100).</summary>
    public int Informative { get; init; } = 10;

    /// <summary>Standard deviation of the Gaussian noise added to the label.</summary>
    public double Noise { get; init; }

    /// <summary>Constant added to every label.</summary>
    public double Bias { get; init; }

    /// <summary>Name of the label column.</summary>
    public string LabelName { get; init; } = "target";

    /// <summary>Seed: the same options give the same table, cell for cell.</summary>
    public int Seed { get; init; }
}
