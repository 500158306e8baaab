using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Drift;

/// <summary>
/// The bins a drift comparison used, with both samples' shares: for numeric columns the PSI bins (reference-quantile
/// edges e₁…e_k; bin i is (e_{i−1}, e_i], the first open below, the last open above), for categorical columns the
/// union of categories. Shares are unsmoothed and sum to 1 per sample. Kept so reports can draw what was compared.
/// </summary>
public sealed record DriftHistogram
{
    /// <summary>Interior bin edges (numeric columns); empty for categorical columns.</summary>
    [JsonPropertyName("edges")]
    public IReadOnlyList<double> Edges { get; init; } = [];

    /// <summary>Category per bin (categorical columns); empty for numeric columns.</summary>
    [JsonPropertyName("categories")]
    public IReadOnlyList<string> Categories { get; init; } = [];

    [JsonPropertyName("reference_shares")]
    public IReadOnlyList<double> ReferenceShares { get; init; } = [];

    [JsonPropertyName("current_shares")]
    public IReadOnlyList<double> CurrentShares { get; init; } = [];
}
