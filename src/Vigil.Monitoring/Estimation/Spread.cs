namespace Vigil.Monitoring.Estimation;

/// <summary>Running mean and variance per metric over simulated draws (Welford); undefined draws are skipped.</summary>
internal sealed class Spread(int metrics)
{
    private readonly double[] _mean = new double[metrics];
    private readonly double[] _m2 = new double[metrics];
    private readonly int[] _count = new int[metrics];

    public void Add(double[] values)
    {
        for (var k = 0; k < values.Length; k++)
        {
            if (!double.IsFinite(values[k]))
            {
                continue;
            }

            _count[k]++;
            var delta = values[k] - _mean[k];
            _mean[k] += delta / _count[k];
            _m2[k] += delta * (values[k] - _mean[k]);
        }
    }

    /// <summary>Sample standard deviation per metric; NaN with fewer than two defined draws.</summary>
    public double[] StandardDeviations() =>
        _m2.Select((m2, k) => _count[k] < 2 ? double.NaN : Math.Sqrt(m2 / (_count[k] - 1))).ToArray();
}
