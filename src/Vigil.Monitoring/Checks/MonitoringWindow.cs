using Vigil.Data.Tables;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// The rows a model scored in [<see cref="Start"/>, <see cref="End"/>) and, when outcomes have arrived, its predictions
/// on the labelled ones. Input only (not serialised).
/// </summary>
public sealed record MonitoringWindow
{
    /// <summary>Inclusive start of the window.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Exclusive end of the window.</summary>
    public required DateTimeOffset End { get; init; }

    /// <summary>The window's rows: the model's features, and the label column when labels are known.</summary>
    public required Table Rows { get; init; }

    /// <summary>Predictions on the labelled rows; null when no labels have arrived (then no performance check).</summary>
    public PredictionSet? Outcomes { get; init; }

    /// <summary>The model's output on every row (labelled or not), which performance estimation reads; null when the model could not score the rows.</summary>
    public Estimation.ScoredRows? Predictions { get; init; }

    /// <summary>The model's score per row for prediction drift (see <see cref="PredictionSet.Scores"/>); null means take them from <see cref="Outcomes"/> if any.</summary>
    public IReadOnlyList<double>? Scores { get; init; }
}
