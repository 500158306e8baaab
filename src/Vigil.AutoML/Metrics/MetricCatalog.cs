namespace Vigil.AutoML.Metrics;

/// <summary>
/// The one metric vocabulary of Vigil, shared by the AutoML search and monitoring: every metric's name, direction,
/// tasks and display name, which metrics monitoring tracks per task, and the two task defaults.
/// <para>
/// The defaults differ on purpose and are named here once: the search optimises FLAML's defaults (ROC AUC, log loss,
/// R²) so its results compare with FLAML's; monitoring decides regression on RMSE, an error in the target's units
/// whose change reads the same on any window, where R² also moves with the window's own variance.
/// </para>
/// </summary>
public static class MetricCatalog
{
    private static readonly AutoMLTask[] Binary = [AutoMLTask.Binary];
    private static readonly AutoMLTask[] Classification = [AutoMLTask.Binary, AutoMLTask.Multiclass];
    private static readonly AutoMLTask[] Regression = [AutoMLTask.Regression];

    public static readonly MetricInfo RocAuc = new("roc_auc", "ROC AUC", true, Binary, Metric.RocAuc);
    public static readonly MetricInfo AveragePrecision = new("average_precision", "average precision", true, Binary, Metric.AveragePrecision);
    public static readonly MetricInfo Accuracy = new("accuracy", "accuracy", true, Classification, Metric.Accuracy);
    public static readonly MetricInfo Precision = new("precision", "precision", true, Binary);
    public static readonly MetricInfo Recall = new("recall", "recall", true, Binary);

    /// <summary>F1 of class 1 for binary tasks; the search's F1 on multiclass tasks is the macro average (<see cref="MacroF1"/>).</summary>
    public static readonly MetricInfo F1 = new("f1", "F1", true, Classification, Metric.F1);

    public static readonly MetricInfo MacroF1 = new("macro_f1", "macro F1", true, [AutoMLTask.Multiclass]);
    public static readonly MetricInfo LogLoss = new("log_loss", "log loss", false, Classification, Metric.LogLoss);
    public static readonly MetricInfo R2 = new("r2", "R²", true, Regression, Metric.R2);
    public static readonly MetricInfo Rmse = new("rmse", "RMSE", false, Regression, Metric.Rmse);
    public static readonly MetricInfo Mae = new("mae", "MAE", false, Regression, Metric.Mae);
    public static readonly MetricInfo Mape = new("mape", "MAPE", false, Regression, Metric.Mape);

    /// <summary>Every metric, in a stable order.</summary>
    public static IReadOnlyList<MetricInfo> All { get; } = [RocAuc, AveragePrecision, Accuracy, Precision, Recall, F1, MacroF1, LogLoss, R2, Rmse, Mae, Mape];

    private static readonly Dictionary<string, MetricInfo> ByName = All.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The metric named <paramref name="name"/>, or null.</summary>
    public static MetricInfo? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The metric named <paramref name="name"/>; an <see cref="ArgumentException"/> naming the known ones otherwise.</summary>
    public static MetricInfo Get(string name) => Find(name)
        ?? throw new ArgumentException($"Unknown metric '{name}'; known metrics: {string.Join(", ", All.Select(m => m.Name))}.", nameof(name));

    /// <summary>The vocabulary entry of a search metric (<see cref="Metric.Default"/> has none).</summary>
    public static MetricInfo Info(this Metric metric) => All.FirstOrDefault(m => m.Search == metric)
        ?? throw new ArgumentException($"{metric} is not a concrete metric; resolve it for a task first.", nameof(metric));

    /// <summary>What the search optimises by default, as FLAML: ROC AUC (binary), log loss (multiclass), R² (regression).</summary>
    public static Metric SearchDefault(AutoMLTask task) => task switch
    {
        AutoMLTask.Binary => Metric.RocAuc,
        AutoMLTask.Multiclass => Metric.LogLoss,
        _ => Metric.R2,
    };

    /// <summary>What decides degradation by default in monitoring: ROC AUC (binary), log loss (multiclass), RMSE (regression).</summary>
    public static MetricInfo MonitoringDefault(AutoMLTask task) => task switch
    {
        AutoMLTask.Binary => RocAuc,
        AutoMLTask.Multiclass => LogLoss,
        AutoMLTask.Regression => Rmse,
        _ => throw new ArgumentException($"Task {task} has no metrics; use Binary, Multiclass or Regression.", nameof(task)),
    };

    /// <summary>The metrics monitoring tracks for <paramref name="task"/>, in report order.</summary>
    public static IReadOnlyList<MetricInfo> Tracked(AutoMLTask task) => task switch
    {
        AutoMLTask.Binary => TrackedBinary,
        AutoMLTask.Multiclass => TrackedMulticlass,
        AutoMLTask.Regression => TrackedRegression,
        _ => throw new ArgumentException($"Task {task} has no metrics; use Binary, Multiclass or Regression.", nameof(task)),
    };

    private static readonly MetricInfo[] TrackedBinary = [Accuracy, RocAuc, Precision, Recall, F1, LogLoss];
    private static readonly MetricInfo[] TrackedMulticlass = [Accuracy, MacroF1, LogLoss];
    private static readonly MetricInfo[] TrackedRegression = [Rmse, Mae, R2];
}
