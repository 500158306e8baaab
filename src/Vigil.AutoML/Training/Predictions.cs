namespace Vigil.AutoML.Training;

/// <summary>
/// Model outputs for a set of rows. Binary: <see cref="Values"/> holds the positive-class probability.
/// Multiclass: <see cref="Values"/> holds probabilities row-major (rows × classes). Regression: predicted values.
/// </summary>
public sealed record Predictions(AutoMLTask Task, int Rows, int ClassCount, double[] Values)
{
    /// <summary>
    /// The class index per row the model itself decided, when it decides otherwise than the rule below (an ONNX model's
    /// argmax with scikit-learn's first-on-ties, an ML.NET binary model's PredictedLabel); null for models that use the rule.
    /// </summary>
    public int[]? DecidedClasses { get; init; }

    /// <summary>Predicted class index per row (classification only): the model's own decision when it gave one, else argmax, or probability ≥ 0.5 for binary.</summary>
    public int[] PredictedClasses()
    {
        if (DecidedClasses is { } decided && decided.Length == Rows)
        {
            return (int[])decided.Clone();
        }

        var result = new int[Rows];
        if (Task == AutoMLTask.Binary)
        {
            for (var i = 0; i < Rows; i++)
            {
                result[i] = Values[i] >= 0.5 ? 1 : 0;
            }

            return result;
        }

        for (var i = 0; i < Rows; i++)
        {
            var best = 0;
            for (var k = 1; k < ClassCount; k++)
            {
                if (Values[(i * ClassCount) + k] > Values[(i * ClassCount) + best])
                {
                    best = k;
                }
            }

            result[i] = best;
        }

        return result;
    }
}
