namespace Vigil.Data.Synthetic;

/// <summary>
/// Standard normal draws from a seeded <see cref="Random"/> by the Box-Muller transform (both values of each pair
/// are used). Seeded <see cref="Random"/> produces the same sequence on every .NET version and platform, so a
/// seed always gives the same data.
/// </summary>
internal sealed class GaussianSampler
{
    private double? _spare;

    public GaussianSampler(int seed)
        : this(new Random(seed))
    {
    }

    public GaussianSampler(Random random)
    {
        Random = random;
    }

    /// <summary>The underlying uniform source, for callers that also need uniforms from the same stream.</summary>
    public Random Random { get; }

    /// <summary>One draw from N(0, 1).</summary>
    public double Next()
    {
        if (_spare is { } s)
        {
            _spare = null;
            return s;
        }

        var u1 = 1.0 - Random.NextDouble(); // (0, 1]: keeps the logarithm finite
        var u2 = Random.NextDouble();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        _spare = r * Math.Sin(angle);
        return r * Math.Cos(angle);
    }

    /// <summary>Uniform on [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * Random.NextDouble());

    /// <summary>An index drawn with probability proportional to <paramref name="weights"/> (non-negative, positive sum).</summary>
    public int Categorical(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var u = Random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        // Rounding can leave u at 0 after the loop: take the last category with weight.
        for (var i = weights.Length - 1; i >= 0; i--)
        {
            if (weights[i] > 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher-Yates).</summary>
    public void Shuffle<T>(Span<T> values)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = Random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
