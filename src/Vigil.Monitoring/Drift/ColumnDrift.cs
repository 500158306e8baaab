using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Drift;

/// <summary>
/// The comparison of one column between a reference sample and a current sample. Missing cells are dropped
/// before every test and counted in <see cref="MissingReference"/> and <see cref="MissingCurrent"/>.
/// Numeric columns fill the KS, Wasserstein and PSI fields; categorical columns the chi-square fields.
/// Serialised in snake_case; fields that do not apply to the column's type are omitted.
/// </summary>
public sealed record ColumnDrift
{
    /// <summary>Column name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary><c>numeric</c> or <c>categorical</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>Non-missing reference cells used by the tests.</summary>
    [JsonPropertyName("n_reference")]
    public int NReference { get; init; }

    /// <summary>Non-missing current cells used by the tests.</summary>
    [JsonPropertyName("n_current")]
    public int NCurrent { get; init; }

    /// <summary>Missing reference cells (dropped).</summary>
    [JsonPropertyName("missing_reference")]
    public int MissingReference { get; init; }

    /// <summary>Missing current cells (dropped).</summary>
    [JsonPropertyName("missing_current")]
    public int MissingCurrent { get; init; }

    /// <summary>Two-sample KS statistic D (SciPy <c>ks_2samp</c>, two-sided, method auto).</summary>
    [JsonPropertyName("ks_statistic")]
    public double? KsStatistic { get; init; }

    /// <summary>Two-sample KS p-value (SciPy <c>ks_2samp</c>, two-sided, method auto).</summary>
    [JsonPropertyName("ks_pvalue")]
    public double? KsPValue { get; init; }

    /// <summary>Wasserstein-1 distance in the column's units (SciPy <c>wasserstein_distance</c>).</summary>
    [JsonPropertyName("wasserstein")]
    public double? Wasserstein { get; init; }

    /// <summary>Wasserstein-1 divided by the population std of the reference (0.001 when that std is 0).</summary>
    [JsonPropertyName("wasserstein_normed")]
    public double? WassersteinNormed { get; init; }

    /// <summary>Chi-square statistic of the 2 × K table of counts (Yates only when K = 2).</summary>
    [JsonPropertyName("chi2_statistic")]
    public double? Chi2Statistic { get; init; }

    /// <summary>Chi-square p-value.</summary>
    [JsonPropertyName("chi2_pvalue")]
    public double? Chi2PValue { get; init; }

    /// <summary>Population stability index: reference decile bins (numeric) or categories (categorical); empty shares set to 1e-4.</summary>
    [JsonPropertyName("psi")]
    public double? Psi { get; init; }

    /// <summary>Jensen–Shannon distance, base 2, on the PSI bin shares before smoothing (numeric) or category shares.</summary>
    [JsonPropertyName("jensen_shannon")]
    public double? JensenShannon { get; init; }

    /// <summary>Categories present in the current sample but not in the reference, sorted ordinally.</summary>
    [JsonPropertyName("new_categories")]
    public IReadOnlyList<string>? NewCategories { get; init; }

    /// <summary>The bins compared and both samples' shares in them (what PSI and JS were computed on).</summary>
    [JsonPropertyName("histogram")]
    public DriftHistogram? Histogram { get; init; }

    /// <summary>True for the label column named by the caller: its drift is label drift, not counted in the dataset share.</summary>
    [JsonPropertyName("is_label")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsLabel { get; init; }

    /// <summary>The test that decides drift for this column (<c>ks</c> or <c>chi2</c>), or null when it could not run.</summary>
    [JsonPropertyName("test")]
    public string? Test { get; init; }

    /// <summary>The deciding test's p-value after the multiple-testing correction across columns.</summary>
    [JsonPropertyName("pvalue_adjusted")]
    public double? PValueAdjusted { get; init; }

    /// <summary>The decision under the report's <see cref="DriftOptions"/>.</summary>
    [JsonPropertyName("drifted")]
    public bool Drifted { get; init; }

    /// <summary>Why the column is or is not drifted, in words.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = "";
}
