using Vigil.Data.Tables;

namespace Vigil.Monitoring.Tests.Checks;

/// <summary>Seeded tables for the monitoring tests.</summary>
internal static class MonitoringTestData
{
    /// <summary><paramref name="features"/> independent N(0, 1) columns f0.. with <paramref name="shift"/> added to the first <paramref name="shifted"/>.</summary>
    public static Table Gaussian(int rows, int features, int seed, int shifted = 0, double shift = 0)
    {
        var random = new Random(seed);
        var columns = new Column[features];
        for (var j = 0; j < features; j++)
        {
            var values = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                values[i] = Normal(random) + (j < shifted ? shift : 0);
            }

            columns[j] = new NumericColumn($"f{j}", values);
        }

        return new Table(columns);
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Binary predictions with the given accuracy (exactly, by flipping a seeded choice of rows) and informative scores.</summary>
    public static (int[] YTrue, int[] Predicted, double[] Probability) Binary(int rows, double accuracy, int seed)
    {
        var random = new Random(seed);
        var y = new int[rows];
        var predicted = new int[rows];
        var probability = new double[rows];
        var wrong = (int)Math.Round((1 - accuracy) * rows);
        var order = Enumerable.Range(0, rows).OrderBy(_ => random.Next()).ToArray();
        for (var i = 0; i < rows; i++)
        {
            y[i] = random.Next(2);
        }

        for (var k = 0; k < rows; k++)
        {
            var i = order[k];
            predicted[i] = k < wrong ? 1 - y[i] : y[i];
            var confidence = 0.5 + (0.5 * random.NextDouble());
            probability[i] = predicted[i] == 1 ? confidence : 1 - confidence;
        }

        return (y, predicted, probability);
    }
}
