using Vigil.AutoML.SearchSpaces;

namespace Vigil.AutoML.Search;

/// <summary>
/// FLOW2, the randomized direct search inside CFO (Wu et al., "Frugal Optimization for Cost-related
/// Hyperparameters"): from the incumbent x, try x + δu for a random unit vector u and, if that fails, x − δu.
/// Each improvement moves the incumbent; after <see cref="Patience"/> proposals without improvement the step δ
/// shrinks by √(K_old/K) (K = proposals so far), and grows back by √(K/K_old) after an improvement. Once δ is
/// below the finest integer granularity the search has converged and restarts from a perturbed best point.
/// Works in the unit cube of the <see cref="SearchSpace"/>; starts at its low-cost point.
/// </summary>
internal sealed class Flow2
{
    private const double InitialStepScale = 0.1;
    private const double RestartNoise = 0.25;

    private readonly SearchSpace _space;
    private readonly Random _random;
    private readonly Queue<IReadOnlyDictionary<string, double>> _queue = new();
    private readonly double _stepUpper;

    private double[] _incumbent;
    private double _incumbentLoss = double.PositiveInfinity;
    private double[]? _direction;
    private bool _oppositePending;
    private double _step;
    private int _proposals;
    private int _sinceImprovement;
    private int _k;
    private int _oldK;
    private int _iterBest;
    private double[]? _bestEver;
    private double _bestEverLoss = double.PositiveInfinity;

    public Flow2(SearchSpace space, IEnumerable<IReadOnlyDictionary<string, double>> startingPoints, Random random)
    {
        _space = space ?? throw new ArgumentNullException(nameof(space));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        foreach (var p in startingPoints)
        {
            _queue.Enqueue(space.FromUnit(space.ToUnit(p)));
        }

        if (_queue.Count == 0)
        {
            _queue.Enqueue(space.InitialConfig());
        }

        _incumbent = space.ToUnit(_queue.Peek());
        _stepUpper = Math.Sqrt(space.Dimension);
        _step = InitialStepScale * _stepUpper;
        Patience = Math.Min(1 << Math.Min(space.Dimension, 9), Math.Max(8, 2 * space.Dimension));
    }

    /// <summary>Non-improving proposals tolerated before the first step reduction.</summary>
    public int Patience { get; }

    /// <summary>Number of times the search converged and restarted.</summary>
    public int Restarts { get; private set; }

    /// <summary>Raised once per step reduction; the engine uses it to grow the sample size.</summary>
    public bool StepReducedSinceLastCheck { get; set; }

    public double Step => _step;

    public IReadOnlyDictionary<string, double> Incumbent => _space.FromUnit(_incumbent);

    public double IncumbentLoss => _incumbentLoss;

    /// <summary>The next configuration to evaluate.</summary>
    public IReadOnlyDictionary<string, double> Suggest()
    {
        if (_queue.Count > 0)
        {
            return _queue.Dequeue();
        }

        var current = _space.FromUnit(_incumbent);
        for (var attempt = 0; attempt < 16; attempt++)
        {
            if (!_oppositePending || _direction is null)
            {
                _direction = RandomUnitVector(_space.Dimension);
                _oppositePending = true;
                var candidate = Move(+1);
                _proposals++;
                if (!SameConfig(candidate, current))
                {
                    return candidate;
                }
            }
            else
            {
                _oppositePending = false;
                var candidate = Move(-1);
                _proposals++;
                if (!SameConfig(candidate, current))
                {
                    return candidate;
                }
            }

            // A move that rounds back to the incumbent counts as a failed proposal.
            NoImprovement();
        }

        return _space.FromUnit(Perturb(_incumbent));
    }

    /// <summary>Feeds back the loss of a suggested configuration (∞ for a failed trial).</summary>
    public void Report(IReadOnlyDictionary<string, double> config, double loss)
    {
        if (loss < _bestEverLoss)
        {
            _bestEverLoss = loss;
            _bestEver = _space.ToUnit(config);
        }

        if (loss < _incumbentLoss)
        {
            _incumbent = _space.ToUnit(config);
            _incumbentLoss = loss;
            _oppositePending = false;
            _sinceImprovement = 0;
            if (_k > 0 && _oldK > 0)
            {
                _step = Math.Min(_step * Math.Sqrt((double)_k / _oldK), _stepUpper);
            }

            _iterBest = _proposals;
            return;
        }

        NoImprovement();
    }

    /// <summary>Re-evaluates the incumbent (e.g. on a larger sample) before moving on; its old loss no longer counts.</summary>
    public void ResetIncumbent()
    {
        _queue.Enqueue(_space.FromUnit(_incumbent));
        _incumbentLoss = double.PositiveInfinity;
        _oppositePending = false;
        _sinceImprovement = 0;
    }

    private void NoImprovement()
    {
        _sinceImprovement++;
        if (_sinceImprovement < Patience)
        {
            return;
        }

        // FLAML keeps shrinking every second proposal (each ± pair) once patience ran out.
        _sinceImprovement -= 2;
        _oldK = _k > 0 ? _k : Math.Max(_iterBest, 1);
        _k = _proposals + 1;
        _step *= Math.Sqrt((double)_oldK / _k);
        StepReducedSinceLastCheck = true;
        if (_step < _space.StepLowerBound(_space.FromUnit(_incumbent)))
        {
            Restart();
        }
    }

    private void Restart()
    {
        Restarts++;
        var start = Perturb(_bestEver ?? _incumbent);
        _queue.Enqueue(_space.FromUnit(start));
        _incumbent = start;
        _incumbentLoss = double.PositiveInfinity;
        _step = InitialStepScale * _stepUpper;
        _k = 0;
        _oldK = 0;
        _sinceImprovement = 0;
        _oppositePending = false;
    }

    private double[] Perturb(double[] x)
    {
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = Math.Clamp(x[i] + (RestartNoise * Gaussian()), 0, 1);
        }

        return y;
    }

    private IReadOnlyDictionary<string, double> Move(int sign)
    {
        var x = new double[_incumbent.Length];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = Math.Clamp(_incumbent[i] + (sign * _step * _direction![i]), 0, 1);
        }

        return _space.FromUnit(x);
    }

    private double[] RandomUnitVector(int dim)
    {
        var v = new double[dim];
        double norm = 0;
        while (norm < 1e-12)
        {
            norm = 0;
            for (var i = 0; i < dim; i++)
            {
                v[i] = Gaussian();
                norm += v[i] * v[i];
            }
        }

        norm = Math.Sqrt(norm);
        for (var i = 0; i < dim; i++)
        {
            v[i] /= norm;
        }

        return v;
    }

    private double Gaussian()
    {
        // Box–Muller on the seeded generator keeps runs reproducible.
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static bool SameConfig(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b) =>
        a.All(kv => b.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));
}
