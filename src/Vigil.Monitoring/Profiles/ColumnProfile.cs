using Vigil.Data.Tables;

namespace Vigil.Monitoring.Profiles;

/// <summary>
/// What the training data looked like in one column. Numeric and date-time columns (date-times as seconds since the
/// Unix epoch) fill the numeric fields; categorical and boolean columns (booleans as "true"/"false") fill
/// <see cref="Categories"/>. A classification label is profiled as categorical (class indices as text) so label
/// drift is a chi-square test.
/// </summary>
public sealed record ColumnProfile
{
    /// <summary>Column name.</summary>
    public required string Name { get; init; }

    /// <summary>The column's kind in the training table.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>True when the profile treats this column as categorical for drift (categorical, boolean, or a classification label).</summary>
    public bool ComparedAsCategorical { get; init; }

    /// <summary>True for the label column.</summary>
    public bool IsLabel { get; init; }

    /// <summary>Rows in the training table (missing cells included).</summary>
    public int Count { get; init; }

    /// <summary>Missing cells (NaN, empty, code −1).</summary>
    public int Missing { get; init; }

    /// <summary><see cref="Missing"/> / <see cref="Count"/>; 0 for an empty table.</summary>
    public double MissingShare { get; init; }

    /// <summary>Numeric cells equal to ±Infinity: treated as invalid, left out of every statistic and of the sample.</summary>
    public int NonFinite { get; init; }

    /// <summary>Finite non-missing values (numeric) or non-missing cells (categorical).</summary>
    public int Valid { get; init; }

    /// <summary>Mean of the finite values; null when there are none or the column is categorical.</summary>
    public double? Mean { get; init; }

    /// <summary>Sample standard deviation (divisor n − 1) of the finite values; null when fewer than 2.</summary>
    public double? Std { get; init; }

    /// <summary>Smallest finite value.</summary>
    public double? Min { get; init; }

    /// <summary>Largest finite value.</summary>
    public double? Max { get; init; }

    /// <summary>Quantiles of the finite values (numpy 'linear' method) at the profile's levels, computed on all values, not the sample.</summary>
    public IReadOnlyList<QuantileValue>? Quantiles { get; init; }

    /// <summary>Counts in reference-quantile bins (the PSI bins), for reports.</summary>
    public IReadOnlyList<HistogramBin>? Histogram { get; init; }

    /// <summary>
    /// The finite values in ascending order: all of them, or a uniform sample without replacement of
    /// <see cref="ReferenceProfileOptions.SampleCap"/> when there are more (see <see cref="SampleIsSubsample"/>).
    /// KS, Wasserstein and PSI then run on this sample: p-values reflect the sample's size, not the training size.
    /// </summary>
    public IReadOnlyList<double>? Sample { get; init; }

    /// <summary>True when <see cref="Sample"/> is a subsample of the finite values.</summary>
    public bool SampleIsSubsample { get; init; }

    /// <summary>Count of each category over non-missing cells (categorical, boolean, classification label).</summary>
    public IReadOnlyDictionary<string, long>? Categories { get; init; }
}

/// <summary>A quantile of a reference column: <see cref="Level"/> in [0, 1] (0.5 = median) and its value.</summary>
public sealed record QuantileValue(double Level, double Value);

/// <summary>
/// One histogram bin over reference-quantile edges: values v with <see cref="Lower"/> &lt; v ≤ <see cref="Upper"/>
/// (the first bin also holds v = its lower edge, the column minimum), and how many reference values fell in it.
/// </summary>
public sealed record HistogramBin(double Lower, double Upper, long Count);
