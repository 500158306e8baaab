using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Drift;

/// <summary>
/// The comparison of one column between a reference sample and a current sample. Missing cells are dropped
/// before every test and counted in <see cref="MissingReference"/> and <see cref="MissingCurrent"/>.
/// The generic result of the column's test is <see cref="Test"/>, <see cref="Statistic"/>, <see cref="PValue"/>,
/// <see cref="AdjustedPValue"/> and <see cref="EffectSizes"/>, whatever the test. The per-test fields of earlier
/// releases stay as they were: KS fields when the test is <c>ks</c>, chi-square fields when it is <c>chi2</c>;
/// numeric columns also fill the Wasserstein fields, and every column PSI and Jensen–Shannon.
/// Serialised in snake_case; fields that do not apply to the column's type or test are omitted.
/// </summary>
public sealed record ColumnDrift
{
    private double? _statistic;
    private double? _pValue;
    private double? _adjustedPValue;
    private IReadOnlyDictionary<string, double>? _effectSizes;

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

    /// <summary>
    /// The test that decides drift for this column (<c>ks</c>, <c>chi2</c>, <c>ad</c>, <c>cvm</c>, <c>z</c> or a
    /// registered test's name; see <see cref="ColumnTests.ColumnTestRegistry"/>), or null when no test was chosen.
    /// </summary>
    [JsonPropertyName("test")]
    public string? Test { get; init; }

    /// <summary>The deciding test's statistic (read from <c>ks_statistic</c> / <c>chi2_statistic</c> in results stored before it existed).</summary>
    [JsonPropertyName("statistic")]
    public double? Statistic
    {
        get => _statistic ?? Test switch { "ks" => KsStatistic, "chi2" => Chi2Statistic, _ => null };
        init => _statistic = value;
    }

    /// <summary>The deciding test's unadjusted p-value (read from the per-test fields in results stored before it existed).</summary>
    [JsonPropertyName("p_value")]
    public double? PValue
    {
        get => _pValue ?? Test switch { "ks" => KsPValue, "chi2" => Chi2PValue, _ => null };
        init => _pValue = value;
    }

    /// <summary>The deciding test's p-value after the multiple-testing correction across columns.</summary>
    [JsonPropertyName("adjusted_p_value")]
    public double? AdjustedPValue
    {
        get => _adjustedPValue;
        init => _adjustedPValue = value;
    }

    /// <summary>The same value as <see cref="AdjustedPValue"/> under its first name, kept for readers of earlier releases.</summary>
    [JsonPropertyName("pvalue_adjusted")]
    public double? PValueAdjusted
    {
        get => _adjustedPValue;
        init => _adjustedPValue = value;
    }

    /// <summary>
    /// Effect sizes by name: the column's shift measures (<c>wasserstein_normed</c> for numeric columns,
    /// <c>jensen_shannon</c>, <c>psi</c>) and those the test measures itself (e.g. <c>cramers_v</c>, <c>difference</c>,
    /// <c>cohens_h</c>). Results stored before the field existed show the shift measures they hold.
    /// </summary>
    [JsonPropertyName("effect_sizes")]
    public IReadOnlyDictionary<string, double>? EffectSizes
    {
        get => _effectSizes ?? ShiftMeasures();
        init => _effectSizes = value;
    }

    /// <summary>The decision under the report's <see cref="DriftOptions"/>.</summary>
    [JsonPropertyName("drifted")]
    public bool Drifted { get; init; }

    /// <summary>Why the column is or is not drifted, in words.</summary>
    [JsonPropertyName("reason")]
    public string Reason { get; init; } = "";

    private Dictionary<string, double>? ShiftMeasures()
    {
        var measures = new Dictionary<string, double>(StringComparer.Ordinal);
        Add(measures, "wasserstein_normed", WassersteinNormed);
        Add(measures, "jensen_shannon", JensenShannon);
        Add(measures, "psi", Psi);
        return measures.Count == 0 ? null : measures;
    }

    private static void Add(Dictionary<string, double> measures, string name, double? value)
    {
        if (value is { } v)
        {
            measures[name] = v;
        }
    }
}
