using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Tests.Estimation;

/// <summary>
/// Scored rows of a classifier whose labels are drawn from a known true probability, so the truth of every
/// estimate is known: a "calibrated" model reports the true probability, a miscalibrated one a distorted copy.
/// </summary>
internal static class SyntheticScores
{
    /// <summary>
    /// <paramref name="n"/> rows whose true probability of class 1 is drawn from <paramref name="truth"/>; the model
    /// reports <paramref name="reported"/>(p) and predicts class 1 at ≥ 0.5; labels are drawn from p.
    /// </summary>
    public static PredictionSet Binary(int n, int seed, Func<Random, double> truth, Func<double, double>? reported = null)
    {
        var random = new Random(seed);
        var y = new int[n];
        var predicted = new int[n];
        var score = new double[n];
        for (var i = 0; i < n; i++)
        {
            var p = truth(random);
            var s = reported?.Invoke(p) ?? p;
            score[i] = s;
            predicted[i] = s >= 0.5 ? 1 : 0;
            y[i] = random.NextDouble() < p ? 1 : 0;
        }

        return PredictionSet.Binary(y, predicted, score);
    }

    /// <summary>Uniform on [0.02, 0.98]: a wide spread of confidence.</summary>
    public static double Spread(Random r) => 0.02 + (0.96 * r.NextDouble());

    /// <summary>Concentrated near 0.5 (triangular on [0.25, 0.75]): a window the model finds hard.</summary>
    public static double Hard(Random r) => 0.25 + (0.25 * (r.NextDouble() + r.NextDouble()));

    /// <summary>A model that is too sure of itself: the log-odds tripled.</summary>
    public static double Overconfident(double p)
    {
        var z = 3 * Math.Log(p / (1 - p));
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Three classes: true class probabilities from a random softmax of scaled normal log-odds; the model reports them
    /// and predicts the most likely class; labels are drawn from them.
    /// </summary>
    public static PredictionSet Multiclass(int n, int seed, double scale = 1.5)
    {
        const int k = 3;
        var random = new Random(seed);
        var y = new int[n];
        var predicted = new int[n];
        var probabilities = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            var logits = new double[k];
            for (var c = 0; c < k; c++)
            {
                logits[c] = scale * Normal(random);
            }

            var max = logits.Max();
            var sum = logits.Sum(v => Math.Exp(v - max));
            for (var c = 0; c < k; c++)
            {
                probabilities[(i * k) + c] = Math.Exp(logits[c] - max) / sum;
            }

            var row = probabilities.AsSpan(i * k, k);
            predicted[i] = row.IndexOf(row.ToArray().Max());
            var u = random.NextDouble();
            var cls = 0;
            var cumulative = row[0];
            while (cls < k - 1 && u >= cumulative)
            {
                cls++;
                cumulative += row[cls];
            }

            y[i] = cls;
        }

        return PredictionSet.Multiclass(y, predicted, k, probabilities);
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
