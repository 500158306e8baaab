namespace Vigil.AutoML.Metrics;

/// <summary>Metrics the search can optimise. Each maps to a loss (lower is better).</summary>
public enum Metric
{
    /// <summary>Task default as in FLAML: ROC AUC (binary), log loss (multiclass), R² (regression).</summary>
    Default,
    RocAuc,
    AveragePrecision,
    Accuracy,
    F1,
    LogLoss,
    R2,
    Rmse,
    Mae,
    Mape,
}
