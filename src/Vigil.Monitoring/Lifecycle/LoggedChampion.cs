using Vigil.AutoML.Featurization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>
/// The champion's side of a comparison when it cannot score rows (an <c>external</c> model): the predictions and
/// scores it logged. They travel with the retraining rows as reserved columns, so filtering and the newest-rows split
/// keep them aligned with the rows, and are stripped before the challenger trains.
/// </summary>
internal static class LoggedChampion
{
    private const string Prefix = "vigil:champion_";
    private const string PredictionColumn = Prefix + "prediction";
    private const string ScoreColumn = Prefix + "score_";

    /// <summary>
    /// <paramref name="request"/>'s rows with the champion's outputs attached: the logged ones the request carries
    /// (<see cref="RetrainRequest.ChampionPredictions"/>), else the data's prediction and score columns named at
    /// registration. The model's own output columns are dropped (they are not features).
    /// </summary>
    public static Table Attach(ExternalModel champion, string model, RetrainRequest request)
    {
        var data = request.Data;
        var n = data.RowCount;
        string?[] predicted;
        double[][]? scores = null;
        if (request.ChampionPredictions is { } logged)
        {
            if (logged.Count != n || (request.ChampionScores is { } s && s.Count != n))
            {
                throw new ArgumentException($"The champion's logged predictions ({logged.Count}) and scores ({request.ChampionScores?.Count}) must be one per row of the data ({n}).", nameof(request));
            }

            predicted = [.. logged];
            if (request.ChampionScores is { } given && given.Any(v => v is not null))
            {
                scores = [given.Select(v => v ?? double.NaN).ToArray()];
            }
        }
        else if (champion.PredictionColumn is { } column && data.TryGetColumn(column, out var c))
        {
            predicted = new string?[n];
            for (var i = 0; i < n; i++)
            {
                predicted[i] = c.FormatCell(i);
            }

            var columns = champion.ScoreColumns.Select(name => data.TryGetColumn(name, out var sc) && sc is NumericColumn num ? num.Values.ToArray() : null).ToArray();
            scores = columns.Length > 0 && columns.All(x => x is not null) ? columns.Select(x => x!).ToArray() : null;
        }
        else
        {
            throw new WorkspaceInputException(
                $"Model '{model}' is of kind 'external', so its side of the comparison is what it logged, and the retraining data holds none of its predictions " +
                (champion.PredictionColumn is null
                    ? "(it was registered without --prediction): retrain from the logged rows, which carry every prediction."
                    : $"(no column '{champion.PredictionColumn}'): add that column, or retrain from the logged rows."));
        }

        var table = data.WithoutColumns([.. champion.OutputColumns]).WithColumn(CategoricalColumn.FromValues(PredictionColumn, predicted));
        for (var k = 0; k < (scores?.Length ?? 0); k++)
        {
            table = table.WithColumn(new NumericColumn(ScoreColumn + k.ToString(System.Globalization.CultureInfo.InvariantCulture), scores![k]));
        }

        return table;
    }

    /// <summary>Rows whose label the champion knows and whose logged outputs are usable (a known class, a probability in [0, 1]).</summary>
    public static bool[] Usable(LabelMapping labels, Table rows) =>
        LoggedOutputs.Usable(labels, rows, Predicted(rows), Scores(rows), rows.RowCount);

    /// <summary>The champion's outcomes on <paramref name="rows"/>, read from the attached columns (every row is usable).</summary>
    public static PredictionSet? Outcomes(LabelMapping labels, Table rows) =>
        LoggedOutputs.Read(labels, rows, Predicted(rows), Scores(rows), rows.RowCount).Outcomes;

    /// <summary>True when scores were attached (without them a classifier's probability metrics are undefined).</summary>
    public static bool HasScores(Table rows) => rows.Contains(ScoreColumn + "0");

    /// <summary>The rows without the attached columns: what the challenger trains on.</summary>
    public static Table Strip(Table rows) =>
        rows.WithoutColumns([.. rows.ColumnNames.Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))]);

    private static Func<int, string?> Predicted(Table rows)
    {
        var column = rows[PredictionColumn];
        return column.FormatCell;
    }

    private static double[][]? Scores(Table rows)
    {
        var list = new List<double[]>();
        while (rows.TryGetColumn(ScoreColumn + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), out var c))
        {
            list.Add(((NumericColumn)c).Values.ToArray());
        }

        return list.Count == 0 ? null : [.. list];
    }
}
