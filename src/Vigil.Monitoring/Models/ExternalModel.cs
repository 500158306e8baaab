using Vigil.AutoML.Featurization;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Models;

/// <summary>
/// A model Vigil has no copy of (<see cref="ModelKind.External"/>): its predictions and scores are made elsewhere and
/// arrive in the log (or in a window file's prediction and score columns). It cannot score rows; checks read what it
/// logged.
/// </summary>
public sealed class ExternalModel : LoadedModel
{
    public ExternalModel(LabelMapping labels, IReadOnlyDictionary<string, ColumnKind> inputKinds, string? predictionColumn, IReadOnlyList<string> scoreColumns)
        : base(labels, inputKinds)
    {
        ArgumentNullException.ThrowIfNull(scoreColumns);
        PredictionColumn = predictionColumn;
        ScoreColumns = scoreColumns;
    }

    public override ModelKind Kind => ModelKind.External;

    public override bool CanScore => false;

    /// <summary>The column of a window file that holds the model's predictions (null: windows carry none, only logged rows do).</summary>
    public string? PredictionColumn { get; }

    /// <summary>The columns of a window file that hold its scores.</summary>
    public IReadOnlyList<string> ScoreColumns { get; }

    public override Predictions Predict(Table rows) =>
        throw new ModelKindException(
            "A model of kind 'external' cannot score rows: its predictions are made outside Vigil and arrive in the log (POST /predictions).");

    /// <summary>Outputs read from the window's prediction and score columns; none when the window has no prediction column.</summary>
    public override WindowOutputs Evaluate(Table rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Column? predicted = PredictionColumn is not null && rows.TryGetColumn(PredictionColumn, out var p) ? p : null;
        var scores = ScoreColumns.Select(name => rows.TryGetColumn(name, out var c) && c is NumericColumn n ? n.Values.ToArray() : null).ToArray();
        var present = scores.All(s => s is not null) && scores.Length > 0 ? scores! : null;
        return LoggedOutputs.Read(Labels, rows, predicted is null ? null : r => predicted.FormatCell(r), present!, rows.RowCount);
    }

    /// <summary>Outputs read from logged rows (their prediction and score), with labels from <paramref name="table"/>.</summary>
    public WindowOutputs EvaluateLogged(Table table, IReadOnlyList<LoggedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var scores = rows.Any(r => r.Score is not null) ? new[] { rows.Select(r => r.Score ?? double.NaN).ToArray() } : null;
        return LoggedOutputs.Read(Labels, table, r => rows[r].Prediction, scores, rows.Count);
    }

    public override IReadOnlyList<string> OutputColumns =>
        PredictionColumn is null ? ScoreColumns : [PredictionColumn, .. ScoreColumns];
}
