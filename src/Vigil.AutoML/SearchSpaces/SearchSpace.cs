using System.Collections.Immutable;

namespace Vigil.AutoML.SearchSpaces;

/// <summary>A learner's hyperparameters; configurations are name → value maps.</summary>
public sealed class SearchSpace
{
    public SearchSpace(IEnumerable<Hyperparameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToImmutableArray();
    }

    public ImmutableArray<Hyperparameter> Parameters { get; }

    public int Dimension => Parameters.Length;

    /// <summary>The low-cost starting configuration.</summary>
    public IReadOnlyDictionary<string, double> InitialConfig() =>
        Parameters.ToImmutableSortedDictionary(p => p.Name, p => p.FromUnit(p.ToUnit(p.Initial)), StringComparer.Ordinal);

    public double[] ToUnit(IReadOnlyDictionary<string, double> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var x = new double[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            var p = Parameters[i];
            x[i] = p.ToUnit(config.TryGetValue(p.Name, out var v) ? v : p.Initial);
        }

        return x;
    }

    public IReadOnlyDictionary<string, double> FromUnit(ReadOnlySpan<double> unit)
    {
        var b = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Dimension; i++)
        {
            b[Parameters[i].Name] = Parameters[i].FromUnit(unit[i]);
        }

        return b.ToImmutable();
    }

    /// <summary>Smallest meaningful step around a configuration (the finest integer granularity, floor 1e-3).</summary>
    public double StepLowerBound(IReadOnlyDictionary<string, double> config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lb = double.PositiveInfinity;
        foreach (var p in Parameters)
        {
            var g = p.Granularity(config.TryGetValue(p.Name, out var v) ? v : p.Initial);
            if (g > 0)
            {
                lb = Math.Min(lb, g);
            }
        }

        return double.IsPositiveInfinity(lb) ? 1e-3 : Math.Max(lb, 1e-3);
    }
}
