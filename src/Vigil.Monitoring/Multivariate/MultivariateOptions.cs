using Vigil.AutoML.Native;

namespace Vigil.Monitoring.Multivariate;

/// <summary>Settings of multivariate drift: the domain classifier and the PCA reconstruction error.</summary>
public sealed record MultivariateOptions
{
    /// <summary>Run the multivariate methods in checks. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Rows per side the domain classifier trains on at most: a larger window (or reference) is subsampled uniformly,
    /// seeded. Default 5,000 (with the stored reference rows' own cap of 5,000: 10,000 rows in all, about 0.1–0.2 s).
    /// </summary>
    public int MaxRowsPerSide { get; init; } = 5_000;

    /// <summary>Fewest rows per side (and fewest reference rows for PCA) for a method to run. Default 100.</summary>
    public int MinRows { get; init; } = 100;

    /// <summary>The domain classifier's LightGBM configuration (folds, rounds, leaves, seed).</summary>
    public OutOfFoldSettings Classifier { get; init; } = new();

    /// <summary>Significance level of the domain classifier's one-sided test of AUC &gt; 0.5. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>
    /// Effect-size floor: the cross-validated AUC must also reach this for drift (a huge window makes an AUC of 0.51
    /// significant without it mattering). Default 0.55.
    /// </summary>
    public double MinAuc { get; init; } = 0.55;

    /// <summary>Share of the reference variance the kept principal components explain at least. Default 0.65 (NannyML's).</summary>
    public double VarianceShare { get; init; } = 0.65;

    /// <summary>Half-width of the reconstruction error's band in standard deviations of a window's mean error. Default 3.</summary>
    public double ThresholdDeviations { get; init; } = 3;

    /// <summary>Features named in <c>top_features</c> (largest share of the classifier's gain first). Default 5.</summary>
    public int TopFeatures { get; init; } = 5;

    /// <summary>Seed of the subsampling and of the reference split used for the PCA thresholds.</summary>
    public int Seed { get; init; } = 17;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRowsPerSide, 20, nameof(MaxRowsPerSide));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinRows, 10, nameof(MinRows));
        ArgumentOutOfRangeException.ThrowIfNegative(TopFeatures, nameof(TopFeatures));
        ArgumentNullException.ThrowIfNull(Classifier, nameof(Classifier));
        Classifier.Validate();
        if (!(Alpha > 0 && Alpha < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Alpha), Alpha, "Alpha must lie in (0, 1).");
        }

        if (!(MinAuc >= 0.5 && MinAuc < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MinAuc), MinAuc, "The AUC floor must lie in [0.5, 1).");
        }

        if (!(VarianceShare > 0 && VarianceShare < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(VarianceShare), VarianceShare, "The variance share must lie in (0, 1).");
        }

        if (!(ThresholdDeviations > 0) || double.IsInfinity(ThresholdDeviations))
        {
            throw new ArgumentOutOfRangeException(nameof(ThresholdDeviations), ThresholdDeviations, "The threshold width must be a positive number.");
        }
    }
}
