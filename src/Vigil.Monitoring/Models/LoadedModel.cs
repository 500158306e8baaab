using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Featurization;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Monitoring.Models;

/// <summary>
/// A model of any kind as monitoring uses it: its task, label and classes, the columns it reads, and — when it can —
/// scores for rows. Checks, reports, the scheduler and ingestion see models only through this seam, so a bundle
/// Vigil trained, an ONNX graph, an ML.NET pipeline and an external model that only logs are monitored alike.
/// Scoring is thread-safe.
/// </summary>
public abstract class LoadedModel
{
    protected LoadedModel(LabelMapping labels, IReadOnlyDictionary<string, ColumnKind> inputKinds)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(inputKinds);
        Labels = labels;
        InputKinds = inputKinds;
    }

    public abstract ModelKind Kind { get; }

    /// <summary>The label column, the task and the class names in index order (index 1 is the positive class of a binary model).</summary>
    public LabelMapping Labels { get; }

    public AutoMLTask Task => Labels.Task;

    /// <summary>The columns the model reads (for an external model, the reference's features), with the kind each holds.</summary>
    public IReadOnlyDictionary<string, ColumnKind> InputKinds { get; }

    /// <summary>Columns of a window that hold the model's own outputs (an external model's logged predictions and scores), not features.</summary>
    public virtual IReadOnlyList<string> OutputColumns => [];

    /// <summary>False for a model that cannot score rows (<see cref="ModelKind.External"/>).</summary>
    public virtual bool CanScore => true;

    /// <summary>
    /// Scores <paramref name="rows"/> (other columns are ignored). <see cref="AutoMLException"/> when the rows lack a
    /// column the model reads or hold a value it cannot take; <see cref="ModelKindException"/> when the kind cannot score.
    /// </summary>
    public abstract Predictions Predict(Table rows);

    /// <summary>
    /// What a check needs from a window: the one-number score per row (prediction drift) and the outcomes on the
    /// labelled rows (performance). A model that scores computes them; an external model reads its logged outputs.
    /// </summary>
    public virtual WindowOutputs Evaluate(Table rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var predictions = Predict(rows);
        var outcomes = ModelScoring.Outcomes(Labels, rows, predictions, out var dropped);
        return new WindowOutputs(ModelScoring.Scores(predictions), outcomes, dropped) { Predictions = predictions };
    }

    /// <summary>Predicted label text per row (class name, or the number for regression).</summary>
    public string[] PredictedLabels(Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        // Loops, not LINQ: /predict calls this for every request.
        var labels = new string[predictions.Rows];
        if (Task == AutoMLTask.Regression)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = predictions.Values[i].ToString("R", CultureInfo.InvariantCulture);
            }

            return labels;
        }

        var classes = predictions.PredictedClasses();
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = Labels.Classes[classes[i]];
        }

        return labels;
    }
}

/// <summary>A window's scores (null when none could be had) and outcomes on its labelled rows (null without labels).</summary>
/// <param name="Dropped">Labelled rows left out: a class the model does not know, or a label that is not a number for regression.</param>
public sealed record WindowOutputs(double[]? Scores, Checks.PredictionSet? Outcomes, int Dropped)
{
    /// <summary>The model's predictions for every row, when it scored them (performance estimation reads them); null for an external model.</summary>
    public Predictions? Predictions { get; init; }

    /// <summary>
    /// The outputs of every row as performance estimation reads them when they were not computed here — an external
    /// model's logged predictions and scores; null when some row lacks a usable one.
    /// </summary>
    public Estimation.ScoredRows? Logged { get; init; }

    /// <summary>What performance estimation reads: the model's own predictions, else the logged ones.</summary>
    public Estimation.ScoredRows? Scored => Predictions is { } predictions ? Estimation.ScoredRows.From(predictions) : Logged;
}
