using Vigil.Monitoring.Drift;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// Drift of one window against a <see cref="Profiles.ReferenceProfile"/>. The dataset is drifted when
/// <see cref="DriftedShare"/> <b>or</b> <see cref="WeightedDriftedShare"/> reaches <see cref="DatasetDriftThreshold"/>:
/// the weighted share lets a few important features decide, the plain share guards against wrong importances.
/// </summary>
public sealed record DriftCheckResult
{
    /// <summary>The per-feature comparison (label excluded), with reference figures restored from the profile.</summary>
    public required DriftReport Features { get; init; }

    /// <summary>Profiled features not compared (absent from the window or of another type; the quality check reports them).</summary>
    public required IReadOnlyList<SkippedColumn> Skipped { get; init; }

    /// <summary>Names of the drifted features, in profile order.</summary>
    public required IReadOnlyList<string> DriftedColumns { get; init; }

    /// <summary>Drifted features / compared features (0 when none were compared).</summary>
    public double DriftedShare { get; init; }

    /// <summary>Σ importance of drifted features / Σ importance of compared features; null without importances (or when they sum to 0).</summary>
    public double? WeightedDriftedShare { get; init; }

    /// <summary>The share at which the dataset counts as drifted (the drift options' DatasetDriftShare).</summary>
    public double DatasetDriftThreshold { get; init; }

    /// <summary>True when either share reaches <see cref="DatasetDriftThreshold"/>.</summary>
    public bool DatasetDrift { get; init; }

    /// <summary>Which share decided, in words (or why there is no dataset drift).</summary>
    public string DatasetDriftReason { get; init; } = "";

    /// <summary>The label's comparison (chi-square for classes, KS for regression targets) when the window has labels; otherwise null.</summary>
    public ColumnDrift? LabelDrift { get; init; }

    /// <summary>Window scores vs baseline scores, when both exist; otherwise null.</summary>
    public PredictionDrift? PredictionDrift { get; init; }

    /// <summary>The profile's feature importances (copied so policies can rank features from the stored result); null when unknown.</summary>
    public IReadOnlyDictionary<string, double>? FeatureImportance { get; init; }

    /// <summary>Why the drift is not weighted by importance, when the profile says (e.g. an external model cannot be scored to measure it); null otherwise.</summary>
    public string? FeatureImportanceNote { get; init; }

    /// <summary>True when at least one feature is drifted.</summary>
    public bool AnyFeatureDrifted => DriftedColumns.Count > 0;
}
