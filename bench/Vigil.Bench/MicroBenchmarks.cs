using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Vigil.Statistics.Distances;
using Vigil.Statistics.TwoSample;

namespace Vigil.Bench;

/// <summary>BenchmarkDotNet micro-benchmarks of the per-column drift kernels on sorted data.</summary>
[MemoryDiagnoser]
public class MicroBenchmarks
{
    private double[] _reference = [];
    private double[] _current = [];
    private PsiBinning? _binning;

    [Params(10_000, 1_000_000)]
    public int N { get; set; }

    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromTypes([typeof(MicroBenchmarks)]).Run(args);
        return 0;
    }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _reference = new double[N];
        _current = new double[N];
        for (var i = 0; i < N; i++)
        {
            _reference[i] = random.NextDouble();
            _current[i] = (random.NextDouble() * 1.02) + 0.01;
        }

        Array.Sort(_reference);
        Array.Sort(_current);
        _binning = PsiBinning.FromSortedReference(_reference);
    }

    [Benchmark]
    public double KolmogorovSmirnovSorted() => KolmogorovSmirnov.TwoSample(_reference, _current).PValue;

    [Benchmark]
    public double WassersteinSorted() => Wasserstein.DistanceSorted(_reference, _current);

    [Benchmark]
    public double PsiSorted() => _binning!.Psi(_current);
}
