using Microsoft.ML;
using Microsoft.ML.Data;

namespace Vigil.AutoML.Training;

/// <summary>Reads an ML.NET scored view into <see cref="Predictions"/>.</summary>
internal static class ScoreReader
{
    public static Predictions Read(IDataView scored, AutoMLTask task, int classCount, int rows)
    {
        switch (task)
        {
            case AutoMLTask.Binary:
                {
                    var hasProbability = scored.Schema.GetColumnOrNull("Probability") is not null;
                    var values = scored.GetColumn<float>(hasProbability ? "Probability" : "Score")
                        .Select(v => hasProbability ? Clean(v) : 1.0 / (1.0 + Math.Exp(-v)))
                        .ToArray();
                    return new Predictions(task, rows, 2, values);
                }

            case AutoMLTask.Multiclass:
                {
                    var values = new double[rows * classCount];
                    var i = 0;
                    foreach (var score in scored.GetColumn<float[]>("Score"))
                    {
                        Normalise(score, values.AsSpan(i * classCount, classCount));
                        i++;
                    }

                    return new Predictions(task, rows, classCount, values);
                }

            default:
                return new Predictions(task, rows, 0, scored.GetColumn<float>("Score").Select(v => (double)v).ToArray());
        }
    }

    /// <summary>Class probabilities from one row's scores: one-versus-all scores need not sum to one, so they are
    /// renormalised (uniform when all are zero).</summary>
    internal static void Normalise(float[] score, Span<double> probabilities)
    {
        double sum = 0;
        for (var k = 0; k < probabilities.Length; k++)
        {
            var p = k < score.Length ? Clean(score[k]) : 0;
            probabilities[k] = p;
            sum += p;
        }

        for (var k = 0; k < probabilities.Length; k++)
        {
            probabilities[k] = sum > 0 ? probabilities[k] / sum : 1.0 / probabilities.Length;
        }
    }

    internal static double Clean(float v) => float.IsNaN(v) ? 0.5 : Math.Clamp(v, 0.0, 1.0);
}
