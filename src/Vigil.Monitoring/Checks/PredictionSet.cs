using Vigil.AutoML;

namespace Vigil.Monitoring.Checks;

/// <summary>
/// A model's predictions on labelled rows, the input of <see cref="PerformanceCheck"/> and of
/// <see cref="Profiles.Baseline"/>. Build one with <see cref="Binary"/>, <see cref="Multiclass"/> or
/// <see cref="Regression"/>; the arrays are held, not copied, and must not change afterwards.
/// </summary>
public sealed class PredictionSet
{
    private PredictionSet(AutoMLTask task, int rows, int classCount)
    {
        Task = task;
        Rows = rows;
        ClassCount = classCount;
    }

    /// <summary>Binary, Multiclass or Regression.</summary>
    public AutoMLTask Task { get; }

    /// <summary>Number of labelled rows.</summary>
    public int Rows { get; }

    /// <summary>Number of classes (2 for binary, 0 for regression).</summary>
    public int ClassCount { get; }

    /// <summary>True class index per row (classification).</summary>
    public IReadOnlyList<int>? TrueClasses { get; private init; }

    /// <summary>Predicted class index per row (classification).</summary>
    public IReadOnlyList<int>? PredictedClasses { get; private init; }

    /// <summary>Binary: probability of class 1 per row. Multiclass: row-major rows × classes. Null when the model gives none.</summary>
    public IReadOnlyList<double>? Probabilities { get; private init; }

    /// <summary>True value per row (regression).</summary>
    public IReadOnlyList<double>? TrueValues { get; private init; }

    /// <summary>Predicted value per row (regression).</summary>
    public IReadOnlyList<double>? PredictedValues { get; private init; }

    /// <summary>Binary predictions: labels 0/1, predicted class 0/1, and optionally the probability of class 1.</summary>
    public static PredictionSet Binary(int[] yTrue, int[] predicted, double[]? probabilityOfPositive = null)
    {
        Check(yTrue, predicted, 2);
        if (probabilityOfPositive is not null && probabilityOfPositive.Length != yTrue.Length)
        {
            throw new ArgumentException($"probabilityOfPositive has {probabilityOfPositive.Length} values but yTrue has {yTrue.Length}.", nameof(probabilityOfPositive));
        }

        return new PredictionSet(AutoMLTask.Binary, yTrue.Length, 2)
        {
            TrueClasses = yTrue, PredictedClasses = predicted, Probabilities = probabilityOfPositive,
        };
    }

    /// <summary>Multiclass predictions: class indices 0..classCount−1 and optionally row-major probabilities (rows × classCount).</summary>
    public static PredictionSet Multiclass(int[] yTrue, int[] predicted, int classCount, double[]? probabilities = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        Check(yTrue, predicted, classCount);
        if (probabilities is not null && probabilities.Length != (long)yTrue.Length * classCount)
        {
            throw new ArgumentException($"probabilities must hold rows × classCount = {(long)yTrue.Length * classCount} values, found {probabilities.Length}.", nameof(probabilities));
        }

        return new PredictionSet(AutoMLTask.Multiclass, yTrue.Length, classCount)
        {
            TrueClasses = yTrue, PredictedClasses = predicted, Probabilities = probabilities,
        };
    }

    /// <summary>Regression predictions: true and predicted values.</summary>
    public static PredictionSet Regression(double[] yTrue, double[] predicted)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(predicted);
        if (yTrue.Length != predicted.Length)
        {
            throw new ArgumentException($"predicted has {predicted.Length} values but yTrue has {yTrue.Length}.", nameof(predicted));
        }

        return new PredictionSet(AutoMLTask.Regression, yTrue.Length, 0) { TrueValues = yTrue, PredictedValues = predicted };
    }

    /// <summary>
    /// The model's score per row, the quantity whose distribution prediction drift compares: binary → probability of
    /// class 1; multiclass → the largest class probability (the model's confidence); regression → the predicted value.
    /// Null for classification without probabilities.
    /// </summary>
    public double[]? Scores()
    {
        switch (Task)
        {
            case AutoMLTask.Regression:
                return [.. PredictedValues!];
            case AutoMLTask.Binary:
                return Probabilities is null ? null : [.. Probabilities];
            default:
                if (Probabilities is null)
                {
                    return null;
                }

                var scores = new double[Rows];
                for (var i = 0; i < Rows; i++)
                {
                    var max = double.NegativeInfinity;
                    for (var c = 0; c < ClassCount; c++)
                    {
                        max = Math.Max(max, Probabilities[(i * ClassCount) + c]);
                    }

                    scores[i] = max;
                }

                return scores;
        }
    }

    private static void Check(int[] yTrue, int[] predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(predicted);
        if (yTrue.Length != predicted.Length)
        {
            throw new ArgumentException($"predicted has {predicted.Length} values but yTrue has {yTrue.Length}.", nameof(predicted));
        }

        foreach (var v in yTrue.Concat(predicted))
        {
            if (v < 0 || v >= classCount)
            {
                throw new ArgumentException($"Class {v} is outside 0..{classCount - 1}.", nameof(yTrue));
            }
        }
    }
}
