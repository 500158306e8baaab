namespace Vigil.AutoML;

/// <summary>Why <see cref="AutoMLException"/> was thrown.</summary>
public enum AutoMLErrorCode
{
    LabelNotFound,
    SingleClassLabel,
    MissingLabelValues,
    TooFewRows,
    NoUsableFeatures,
    BudgetTooSmall,
    MetricNotForTask,
    InvalidOptions,
    UnknownLearner,
    SchemaMismatch,
}
