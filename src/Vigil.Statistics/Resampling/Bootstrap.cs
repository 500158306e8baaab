
namespace Vigil.Statistics.Resampling;

/// <summary>
/// Seeded percentile bootstrap over row indices. Each resample draws n indices uniformly with replacement from
/// 0..n−1 using <see cref="Random"/>(seed), so results are deterministic for a seed. Resamples whose metric is NaN
/// or infinite (e.g. a single-class resample) are skipped.
/// </summary>
public static class Bootstrap
{
    /// <summary>Percentile interval for <paramref name="metric"/> over <paramref name="rowCount"/> rows.</summary>
    public static BootstrapInterval ConfidenceInterval(int rowCount, RowMetric metric, int resamples = 1000, double level = 0.95, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(metric);
        Validate(rowCount, resamples, level);
        return Run(rowCount, rows => metric(rows), resamples, level, seed);
    }

    /// <summary>
    /// Paired interval for metricA − metricB of two models scored on the same rows: both metrics see the same
    /// resampled indices in every resample.
    /// </summary>
    public static BootstrapInterval PairedDifference(int rowCount, RowMetric metricA, RowMetric metricB, int resamples = 1000, double level = 0.95, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(metricA);
        ArgumentNullException.ThrowIfNull(metricB);
        Validate(rowCount, resamples, level);
        return Run(rowCount, rows => metricA(rows) - metricB(rows), resamples, level, seed);
    }

    private static BootstrapInterval Run(int rowCount, RowMetric metric, int resamples, double level, int seed)
    {
        var all = new int[rowCount];
        for (var i = 0; i < rowCount; i++)
        {
            all[i] = i;
        }

        var estimate = metric(all);
        var random = new Random(seed);
        var rows = new int[rowCount];
        var values = new double[resamples];
        var used = 0;
        for (var b = 0; b < resamples; b++)
        {
            for (var i = 0; i < rowCount; i++)
            {
                rows[i] = random.Next(rowCount);
            }

            var v = metric(rows);
            if (double.IsFinite(v))
            {
                values[used++] = v;
            }
        }

        if (used == 0)
        {
            return new BootstrapInterval(estimate, double.NaN, double.NaN, level, 0);
        }

        var sorted = values.AsSpan(0, used);
        sorted.Sort();
        var alpha = (1 - level) / 2;
        return new BootstrapInterval(
            estimate, Descriptive.Quantile.Linear(sorted, alpha), Descriptive.Quantile.Linear(sorted, 1 - alpha), level, used);
    }

    private static void Validate(int rowCount, int resamples, double level)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), "Level must lie in (0, 1).");
        }
    }
}
