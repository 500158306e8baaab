using System.Text.Json.Serialization;

namespace Vigil.Monitoring.Drift;

/// <summary>The comparison of every column of a current sample against a reference, with the dataset-level decision.</summary>
public sealed record DriftReport
{
    /// <summary>One entry per compared column, in the reference's column order.</summary>
    [JsonPropertyName("columns")]
    public required IReadOnlyList<ColumnDrift> Columns { get; init; }

    /// <summary>Rows in the reference sample.</summary>
    [JsonPropertyName("reference_rows")]
    public int ReferenceRows { get; init; }

    /// <summary>Rows in the current sample.</summary>
    [JsonPropertyName("current_rows")]
    public int CurrentRows { get; init; }

    /// <summary>Number of drifted columns.</summary>
    [JsonPropertyName("n_drifted")]
    public int DriftedCount { get; init; }

    /// <summary>Drifted columns / compared columns (0 when none were compared).</summary>
    [JsonPropertyName("share_drifted")]
    public double DriftedShare { get; init; }

    /// <summary>True when <see cref="DriftedShare"/> reaches the options' dataset drift share.</summary>
    [JsonPropertyName("dataset_drift")]
    public bool DatasetDrift { get; init; }

    /// <summary>The rule's settings, so a reader knows what "drifted" meant.</summary>
    [JsonPropertyName("rule")]
    public required DriftRuleSummary Rule { get; init; }
}

/// <summary>The settings of the drift rule as written into reports.</summary>
public sealed record DriftRuleSummary
{
    [JsonPropertyName("alpha")]
    public double Alpha { get; init; }

    [JsonPropertyName("correction")]
    public required string Correction { get; init; }

    [JsonPropertyName("min_wasserstein_normed")]
    public double MinWassersteinNormed { get; init; }

    [JsonPropertyName("min_jensen_shannon")]
    public double MinJensenShannon { get; init; }

    [JsonPropertyName("new_category_share")]
    public double NewCategoryShare { get; init; }

    [JsonPropertyName("dataset_drift_share")]
    public double DatasetDriftShare { get; init; }

    [JsonPropertyName("psi_bins")]
    public int PsiBins { get; init; }
}
