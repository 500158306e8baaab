using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.AutoML.Featurization;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>Scores rows with a model bundle and turns the output into the shapes the checks read.</summary>
public static class ModelScoring
{
    /// <summary>
    /// The one-number score per row used for prediction drift: the positive-class probability (binary), the top
    /// class probability (multiclass) or the predicted value (regression).
    /// </summary>
    public static double[] Scores(Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Task != AutoMLTask.Multiclass)
        {
            return predictions.Values.ToArray();
        }

        var scores = new double[predictions.Rows];
        for (var i = 0; i < scores.Length; i++)
        {
            var best = 0.0;
            for (var k = 0; k < predictions.ClassCount; k++)
            {
                best = Math.Max(best, predictions.Values[(i * predictions.ClassCount) + k]);
            }

            scores[i] = best;
        }

        return scores;
    }

    /// <summary>
    /// True for the rows whose label the model can be scored against: a finite target (regression) or a class the model
    /// was trained on (classification).
    /// </summary>
    public static bool[] KnownLabels(ModelBundle bundle, Column label)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return KnownLabels(bundle.Labels, label);
    }

    /// <summary>As <see cref="KnownLabels(ModelBundle, Column)"/> for a model of any kind, by its label mapping.</summary>
    public static bool[] KnownLabels(LabelMapping labels, Column label)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(label);
        var known = new bool[label.Length];
        if (labels.Task == AutoMLTask.Regression)
        {
            var targets = LabelMapping.EncodeTargets(label);
            for (var i = 0; i < known.Length; i++)
            {
                known[i] = double.IsFinite(targets[i]);
            }
        }
        else
        {
            var classes = labels.EncodeClasses(label);
            for (var i = 0; i < known.Length; i++)
            {
                known[i] = classes[i] >= 0;
            }
        }

        return known;
    }

    /// <summary>
    /// Outcomes for the rows whose label is present and known to the model, or null when the table has no label
    /// column or no usable label. <paramref name="dropped"/> counts labelled rows left out (missing label, or a class
    /// the model never saw).
    /// </summary>
    public static PredictionSet? Outcomes(ModelBundle bundle, Table rows, Predictions predictions, out int dropped)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        return Outcomes(bundle.Labels, rows, predictions, out dropped);
    }

    /// <summary>As <see cref="Outcomes(ModelBundle, Table, Predictions, out int)"/> for a model of any kind, by its label mapping.</summary>
    public static PredictionSet? Outcomes(LabelMapping labels, Table rows, Predictions predictions, out int dropped)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        dropped = 0;
        if (!rows.TryGetColumn(labels.LabelColumn, out var label))
        {
            return null;
        }

        var known = KnownLabels(labels, label);
        var keep = new List<int>(rows.RowCount);
        for (var i = 0; i < known.Length; i++)
        {
            if (known[i])
            {
                keep.Add(i);
            }
        }

        dropped = label.Length - label.MissingCount - keep.Count;
        if (keep.Count == 0)
        {
            return null;
        }

        if (labels.Task == AutoMLTask.Regression)
        {
            var targets = LabelMapping.EncodeTargets(label);
            return PredictionSet.Regression(keep.Select(i => targets[i]).ToArray(), keep.Select(i => predictions.Values[i]).ToArray());
        }

        var classes = labels.EncodeClasses(label);

        var predicted = predictions.PredictedClasses();
        var yTrue = keep.Select(i => classes[i]).ToArray();
        var yPred = keep.Select(i => predicted[i]).ToArray();
        if (labels.Task == AutoMLTask.Binary)
        {
            return PredictionSet.Binary(yTrue, yPred, keep.Select(i => predictions.Values[i]).ToArray());
        }

        var k = predictions.ClassCount;
        var probabilities = new double[keep.Count * k];
        for (var r = 0; r < keep.Count; r++)
        {
            Array.Copy(predictions.Values, keep[r] * k, probabilities, r * k, k);
        }

        return PredictionSet.Multiclass(yTrue, yPred, k, probabilities);
    }
}
