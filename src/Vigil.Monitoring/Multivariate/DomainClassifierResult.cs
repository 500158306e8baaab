namespace Vigil.Monitoring.Multivariate;

/// <summary>
/// The domain classifier: a LightGBM classifier separating reference rows (0) from current rows (1), scored out of fold.
/// Its AUC is the Mann–Whitney U of all current scores over all reference scores / (n_reference·n_current); the p-value
/// combines the folds' own one-sided Mann–Whitney tests (normal approximation, tie-corrected) by Bonferroni. Drifted
/// when p &lt; <see cref="Alpha"/> and AUC ≥ <see cref="MinAuc"/>.
/// </summary>
public sealed record DomainClassifierResult
{
    /// <summary>False when the method could not run; <see cref="Reason"/> says why and the figures are null.</summary>
    public bool Ran { get; init; }

    /// <summary>The verdict in words, or why the method did not run.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Reference rows trained and scored on.</summary>
    public int NReference { get; init; }

    /// <summary>Current rows trained and scored on (a subsample of a larger window).</summary>
    public int NCurrent { get; init; }

    /// <summary>Current rows in the window before subsampling.</summary>
    public int WindowRows { get; init; }

    /// <summary>Cross-validation folds.</summary>
    public int Folds { get; init; }

    /// <summary>Cross-validated ROC AUC of the out-of-fold scores (0.5: indistinguishable).</summary>
    public double? Auc { get; init; }

    /// <summary>Mann–Whitney U of the current rows' scores.</summary>
    public double? U { get; init; }

    /// <summary>One-sided p-value of AUC &gt; 0.5: min(1, folds × the smallest fold p-value).</summary>
    public double? PValue { get; init; }

    /// <summary>Each fold's AUC on its held-out rows.</summary>
    public IReadOnlyList<double>? FoldAucs { get; init; }

    /// <summary>Each fold's one-sided Mann–Whitney p-value (exact in its normal approximation: the fold's model never saw those rows).</summary>
    public IReadOnlyList<double>? FoldPValues { get; init; }

    /// <summary>The significance level used.</summary>
    public double Alpha { get; init; }

    /// <summary>The AUC floor used.</summary>
    public double MinAuc { get; init; }

    /// <summary>True when the classifier separates the samples significantly and by at least the floor.</summary>
    public bool Drifted { get; init; }

    /// <summary>The features that separate the samples most, largest gain share first.</summary>
    public IReadOnlyList<FeatureSeparation> TopFeatures { get; init; } = [];
}
