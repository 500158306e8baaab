using Vigil.Statistics.Metrics;

namespace Vigil.Bench.Estimation;

/// <summary>
/// The attainable floor of the estimation benchmark: for one window design (a pool of scored test rows, a feature's
/// standardised values, β), the <em>expected</em> realised accuracy and ROC AUC of a window drawn by exactly that
/// scheme, by Monte Carlo over many draws of the same weighted sampling without replacement. Its error against a
/// benchmark window's realised metric is the error of an estimator that knew each design's expected metric exactly;
/// no method can do better on average. The draws use seeds the benchmark's own windows never use, so an evaluated
/// window's own draw is not part of its expectation.
/// </summary>
internal sealed class DesignOracle(int[] labels, int[] predicted, double[] probabilities, int draws)
{
    // Far above the benchmark's window seeds (seed · 7919 + β · 100 + name length, a few tens of thousands at most).
    private const int SeedBase = 50_000_000;

    public int Draws { get; } = draws;

    /// <summary>The mean accuracy and ROC AUC over <see cref="Draws"/> windows of <paramref name="size"/> rows of <paramref name="pool"/>.</summary>
    public (double Accuracy, double RocAuc) Expected(int[] pool, double[] z, double beta, int size, int designSeed)
    {
        var y = new int[Math.Min(size, pool.Length)];
        var yHat = new int[y.Length];
        var p = new double[y.Length];
        double accuracy = 0, auc = 0;
        for (var d = 0; d < Draws; d++)
        {
            var window = EstimationBenchmark.WeightedSample(z, beta, size, SeedBase + (d * 104_729) + designSeed);
            for (var k = 0; k < window.Length; k++)
            {
                var row = pool[window[k]];
                y[k] = labels[row];
                yHat[k] = predicted[row];
                p[k] = probabilities[row];
            }

            accuracy += BinaryMetrics.Accuracy(y, yHat);
            auc += BinaryMetrics.RocAuc(y, p);
        }

        return (accuracy / Draws, auc / Draws);
    }
}
