using Vigil.Monitoring.Checks;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>
/// Seeded predictions of fixed models, so a window and a baseline can be drawn from one population: a calibrated
/// binary scorer (35 % positives), a three-class scorer, and a regression with noise that grows with |y|.
/// </summary>
internal static class SimulatedModels
{
    public static PredictionSet Binary(int rows, int seed, double separation = 1.4)
    {
        var random = new Random(seed);
        const double positiveRate = 0.35;
        var prior = Math.Log(positiveRate / (1 - positiveRate));
        var y = new int[rows];
        var predicted = new int[rows];
        var probability = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            y[i] = random.NextDouble() < positiveRate ? 1 : 0;
            var z = MonitoringTestData.Normal(random) + (separation * y[i]);
            // The posterior of y = 1 given z for two unit normals separation apart: a calibrated score.
            var logit = prior + (separation * (z - (separation / 2)));
            probability[i] = 1 / (1 + Math.Exp(-logit));
            predicted[i] = probability[i] >= 0.5 ? 1 : 0;
        }

        return PredictionSet.Binary(y, predicted, probability);
    }

    public static PredictionSet Multiclass(int rows, int seed)
    {
        var random = new Random(seed);
        const int k = 3;
        var y = new int[rows];
        var predicted = new int[rows];
        var probabilities = new double[rows * k];
        Span<double> logits = stackalloc double[k];
        for (var i = 0; i < rows; i++)
        {
            y[i] = random.Next(k);
            double sum = 0;
            for (var c = 0; c < k; c++)
            {
                logits[c] = Math.Exp((1.2 * MonitoringTestData.Normal(random)) + (c == y[i] ? 1.5 : 0));
                sum += logits[c];
            }

            var best = 0;
            for (var c = 0; c < k; c++)
            {
                probabilities[(i * k) + c] = logits[c] / sum;
                best = logits[c] > logits[best] ? c : best;
            }

            predicted[i] = best;
        }

        return PredictionSet.Multiclass(y, predicted, k, probabilities);
    }

    public static PredictionSet Regression(int rows, int seed)
    {
        var random = new Random(seed);
        var y = new double[rows];
        var f = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            y[i] = 10 + (3 * MonitoringTestData.Normal(random));
            f[i] = y[i] + ((0.5 + (0.2 * Math.Abs(y[i] - 10))) * MonitoringTestData.Normal(random));
        }

        return PredictionSet.Regression(y, f);
    }
}
