using Vigil.AutoML;
using Vigil.AutoML.Training;
using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Estimation;

/// <summary>
/// What a model said about a window's rows, without labels: the input of performance estimation. Any model that gives
/// scores can be estimated (a Vigil bundle, an imported model, or predictions logged by another system): binary →
/// probability of class 1 and the predicted class; multiclass → row-major class probabilities and the predicted
/// class; regression → the predicted value. The arrays are held, not copied.
/// </summary>
public sealed class ScoredRows
{
    private ScoredRows(AutoMLTask task, int rows, int classCount)
    {
        Task = task;
        Rows = rows;
        ClassCount = classCount;
    }

    /// <summary>Binary, Multiclass or Regression.</summary>
    public AutoMLTask Task { get; }

    /// <summary>Rows scored.</summary>
    public int Rows { get; }

    /// <summary>2 for binary, the class count for multiclass, 0 for regression.</summary>
    public int ClassCount { get; }

    /// <summary>Binary: probability of class 1 per row; multiclass: rows × classes, row-major. Null for regression.</summary>
    public IReadOnlyList<double>? Probabilities { get; private init; }

    /// <summary>The class the model predicted per row (classification).</summary>
    public IReadOnlyList<int>? PredictedClasses { get; private init; }

    /// <summary>The predicted value per row (regression).</summary>
    public IReadOnlyList<double>? PredictedValues { get; private init; }

    public static ScoredRows Binary(double[] probabilityOfPositive, int[] predicted)
    {
        ArgumentNullException.ThrowIfNull(probabilityOfPositive);
        ArgumentNullException.ThrowIfNull(predicted);
        SameLength(probabilityOfPositive.Length, predicted.Length);
        CheckClasses(predicted, 2);
        return new ScoredRows(AutoMLTask.Binary, predicted.Length, 2) { Probabilities = probabilityOfPositive, PredictedClasses = predicted };
    }

    public static ScoredRows Multiclass(double[] probabilities, int[] predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        SameLength(probabilities.Length, (long)predicted.Length * classCount);
        CheckClasses(predicted, classCount);
        return new ScoredRows(AutoMLTask.Multiclass, predicted.Length, classCount) { Probabilities = probabilities, PredictedClasses = predicted };
    }

    public static ScoredRows Regression(double[] predicted)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        return new ScoredRows(AutoMLTask.Regression, predicted.Length, 0) { PredictedValues = predicted };
    }

    /// <summary>A bundle's predictions (probabilities or values as the bundle gives them, classes as it predicts them).</summary>
    public static ScoredRows From(Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return predictions.Task switch
        {
            AutoMLTask.Binary => Binary(predictions.Values, predictions.PredictedClasses()),
            AutoMLTask.Multiclass => Multiclass(predictions.Values, predictions.PredictedClasses(), predictions.ClassCount),
            _ => Regression(predictions.Values),
        };
    }

    /// <summary>The scores of labelled predictions (the labels are left out); null for classification without probabilities.</summary>
    public static ScoredRows? From(PredictionSet predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return predictions.Task switch
        {
            AutoMLTask.Regression => Regression([.. predictions.PredictedValues!]),
            _ when predictions.Probabilities is null => null,
            AutoMLTask.Binary => Binary([.. predictions.Probabilities], [.. predictions.PredictedClasses!]),
            _ => Multiclass([.. predictions.Probabilities], [.. predictions.PredictedClasses!], predictions.ClassCount),
        };
    }

    private static void SameLength(long values, long expected)
    {
        if (values != expected)
        {
            throw new ArgumentException($"The scores hold {values} values where {expected} were expected.");
        }
    }

    private static void CheckClasses(int[] predicted, int classCount)
    {
        foreach (var c in predicted)
        {
            if (c < 0 || c >= classCount)
            {
                throw new ArgumentException($"Predicted class {c} is outside 0..{classCount - 1}.", nameof(predicted));
            }
        }
    }
}
