using Vigil.AutoML;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Shadows;

/// <summary>
/// Scores the logged rows a shadow has not seen yet, batch by batch from its cursor, off the ingestion path: rows are
/// acknowledged when they are logged, and the shadow catches up from the log. Each batch's scores and the cursor
/// commit together (optimistically, so two processes never score a row twice), so every row is scored exactly once
/// across restarts. A row the shadow cannot take is stored without a prediction and does not stop the others.
/// </summary>
public static class ShadowScoring
{
    /// <summary>Rows read and scored per batch (one transaction each).</summary>
    public const int BatchRows = 1000;

    /// <summary>Brings <paramref name="shadow"/> up to date, scoring at most <paramref name="maxRows"/> rows in this pass.</summary>
    public static ShadowProgress Update(IMonitoringStore store, StoredShadow shadow, LoadedModel model, ReferenceProfile profile,
        int maxRows = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(shadow);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(profile);
        var position = shadow.Position;
        int scored = 0, unscored = 0;
        var kinds = profile.LoggedColumnKinds();
        while (scored < maxRows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var work = store.ReadShadowWork(shadow.Model, position, Math.Min(BatchRows, maxRows - scored));
            if (work.Count == 0)
            {
                break;
            }

            var scores = Score(model, kinds, work);
            var next = work[^1].Seq;
            if (!store.SaveShadowScores(shadow.Model, shadow.Version, position, next, scores))
            {
                return new ShadowProgress(shadow.Model, shadow.Version, scored, unscored, position, Raced: true);
            }

            position = next;
            scored += work.Count;
            unscored += scores.Count(s => s.Prediction is null);
        }

        return new ShadowProgress(shadow.Model, shadow.Version, scored, unscored, position);
    }

    internal static ShadowScore[] Score(LoadedModel model, IReadOnlyDictionary<string, ColumnKind> kinds,
        IReadOnlyList<(long Seq, IReadOnlyDictionary<string, object?> Features)> work)
    {
        var rows = work.Select(w => new LoggedRow("", default, w.Features, "", null, null, null)).ToArray();
        var table = LoggedRowTable.ToTable(rows, kinds);
        try
        {
            return Outputs(model, model.Predict(table), work, 0);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or ModelKindException))
        {
            // One row the model cannot take must not cost the others their scores: score the batch row by row.
            var scores = new ShadowScore[work.Count];
            for (var i = 0; i < work.Count; i++)
            {
                try
                {
                    scores[i] = Outputs(model, model.Predict(table.Slice(i, 1)), work, i)[0];
                }
                catch (Exception row) when (row is not (OperationCanceledException or OutOfMemoryException))
                {
                    scores[i] = new ShadowScore(work[i].Seq, null, null);
                }
            }

            return scores;
        }
    }

    private static ShadowScore[] Outputs(LoadedModel model, Predictions predictions,
        IReadOnlyList<(long Seq, IReadOnlyDictionary<string, object?> Features)> work, int offset)
    {
        var labels = model.PredictedLabels(predictions);
        var scores = ModelScoring.Scores(predictions);
        var k = predictions.ClassCount;
        var result = new ShadowScore[predictions.Rows];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new ShadowScore(work[offset + i].Seq, labels[i],
                model.Task == AutoMLTask.Regression ? null : scores[i],
                model.Task == AutoMLTask.Multiclass ? predictions.Values.AsSpan(i * k, k).ToArray() : null);
        }

        return result;
    }
}
