using System.Globalization;
using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>
/// A classification problem in the manner of scikit-learn's <c>make_classification</c> (same recipe, own code and
/// random stream, so values differ from scikit-learn's for the same seed):
/// each class gets <see cref="ClassificationOptions.ClustersPerClass"/> Gaussian clusters centred on distinct
/// vertices of a hypercube with side 2 × ClassSeparation in the informative subspace, each cluster given a random
/// covariance (standard normal draws times a matrix with entries uniform on [−1, 1)); redundant features are random
/// linear combinations of the informative ones; noise features are standard normal. Then a FlipY share of labels
/// is redrawn uniformly, and rows are shuffled.
/// </summary>
/// <remarks>
/// The label is a <see cref="NumericColumn"/> of class indices 0..Classes−1 (not categorical), so it can be used
/// directly as a numeric target. Columns: f0..f{Features−1}, then c0..c{k−1} when categorical features are asked
/// for, then the label.
/// </remarks>
public static class ClassificationGenerator
{
    /// <summary>Generates the table described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are inconsistent (e.g. too many clusters for the informative features).</exception>
    public static Table Generate(ClassificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var weights = Validate(options);
        var rng = new GaussianSampler(options.Seed);
        var n = options.Samples;
        var inf = options.Informative;
        var clusters = options.Classes * options.ClustersPerClass;

        var perCluster = new int[clusters];
        for (var k = 0; k < clusters; k++)
        {
            perCluster[k] = (int)(n * weights[k % options.Classes] / options.ClustersPerClass);
        }

        // Rows lost to rounding go one by one to clusters in turn, as in scikit-learn.
        for (var i = 0; i < n - perCluster.Sum(); i++)
        {
            perCluster[i % clusters]++;
        }

        var x = new double[options.Features][];
        for (var j = 0; j < x.Length; j++)
        {
            x[j] = new double[n];
        }

        var y = new double[n];
        var centroids = HypercubeVertices(clusters, inf, rng);
        var row = 0;
        var z = new double[inf];
        var a = new double[inf, inf];
        for (var k = 0; k < clusters; k++)
        {
            for (var p = 0; p < inf; p++)
            {
                for (var q = 0; q < inf; q++)
                {
                    a[p, q] = rng.Uniform(-1, 1);
                }
            }

            for (var r = 0; r < perCluster[k]; r++, row++)
            {
                for (var p = 0; p < inf; p++)
                {
                    z[p] = rng.Next();
                }

                for (var q = 0; q < inf; q++)
                {
                    var v = centroids[k][q] * options.ClassSeparation;
                    for (var p = 0; p < inf; p++)
                    {
                        v += z[p] * a[p, q];
                    }

                    x[q][row] = v;
                }

                y[row] = k % options.Classes;
            }
        }

        AddRedundant(x, options, rng);
        for (var j = inf + options.Redundant; j < options.Features; j++)
        {
            for (var i = 0; i < n; i++)
            {
                x[j][i] = rng.Next();
            }
        }

        var trueClass = (double[])y.Clone();
        for (var i = 0; i < n; i++)
        {
            if (rng.Random.NextDouble() < options.FlipY)
            {
                y[i] = rng.Random.Next(options.Classes);
            }
        }

        var categorical = CategoricalFeatures(trueClass, options, rng);
        var order = Enumerable.Range(0, n).ToArray();
        if (options.ShuffleRows)
        {
            rng.Shuffle(order.AsSpan());
        }

        var columns = new List<Column>(options.Features + options.CategoricalFeatures + 1);
        for (var j = 0; j < x.Length; j++)
        {
            columns.Add(new NumericColumn(string.Create(CultureInfo.InvariantCulture, $"f{j}"), x[j]).Take(order));
        }

        columns.AddRange(categorical.Select(c => c.Take(order)));
        columns.Add(new NumericColumn(options.LabelName, y).Take(order));
        return new Table(columns);
    }

    private static double[] Validate(ClassificationOptions o)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Samples, 1, nameof(o.Samples));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Classes, 2, nameof(o.Classes));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.ClustersPerClass, 1, nameof(o.ClustersPerClass));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Informative, 1, nameof(o.Informative));
        ArgumentOutOfRangeException.ThrowIfNegative(o.Redundant, nameof(o.Redundant));
        ArgumentOutOfRangeException.ThrowIfNegative(o.CategoricalFeatures, nameof(o.CategoricalFeatures));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.CategoricalCardinality, 1, nameof(o.CategoricalCardinality));
        ArgumentException.ThrowIfNullOrEmpty(o.LabelName);
        if (o.Informative + o.Redundant > o.Features)
        {
            throw new ArgumentException(
                $"Informative ({o.Informative}) + redundant ({o.Redundant}) features exceed the {o.Features} features.", nameof(o));
        }

        if (o.Informative < 63 && (long)o.Classes * o.ClustersPerClass > 1L << o.Informative)
        {
            throw new ArgumentException(
                $"{o.Classes} classes × {o.ClustersPerClass} clusters need at least log2 of that many informative features; got {o.Informative}.", nameof(o));
        }

        if (o.FlipY is < 0 or > 1 || double.IsNaN(o.FlipY))
        {
            throw new ArgumentOutOfRangeException(nameof(o), o.FlipY, "FlipY must be in [0, 1].");
        }

        var w = new double[o.Classes];
        if (o.Weights is null)
        {
            Array.Fill(w, 1.0 / o.Classes);
            return w;
        }

        if (o.Weights.Count != o.Classes && o.Weights.Count != o.Classes - 1)
        {
            throw new ArgumentException($"Weights has {o.Weights.Count} values; expected {o.Classes} or {o.Classes - 1}.", nameof(o));
        }

        for (var i = 0; i < o.Weights.Count; i++)
        {
            w[i] = o.Weights[i] >= 0 ? o.Weights[i] : throw new ArgumentException("Weights must be non-negative.", nameof(o));
        }

        if (o.Weights.Count == o.Classes - 1)
        {
            w[^1] = Math.Max(0, 1 - o.Weights.Sum());
        }

        var total = w.Sum();
        return total > 0 ? w.Select(v => v / total).ToArray() : throw new ArgumentException("Weights sum to zero.", nameof(o));
    }

    /// <summary>Distinct vertices of {−1, +1}^dimensions, drawn at random.</summary>
    private static double[][] HypercubeVertices(int count, int dimensions, GaussianSampler rng)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new double[count][];
        var bits = new char[dimensions];
        for (var k = 0; k < count;)
        {
            for (var d = 0; d < dimensions; d++)
            {
                bits[d] = rng.Random.Next(2) == 0 ? '0' : '1';
            }

            if (seen.Add(new string(bits)))
            {
                result[k++] = bits.Select(b => b == '1' ? 1.0 : -1.0).ToArray();
            }
        }

        return result;
    }

    private static void AddRedundant(double[][] x, ClassificationOptions o, GaussianSampler rng)
    {
        var b = new double[o.Informative, o.Redundant];
        for (var p = 0; p < o.Informative; p++)
        {
            for (var q = 0; q < o.Redundant; q++)
            {
                b[p, q] = rng.Uniform(-1, 1);
            }
        }

        for (var q = 0; q < o.Redundant; q++)
        {
            var target = x[o.Informative + q];
            for (var i = 0; i < target.Length; i++)
            {
                var v = 0.0;
                for (var p = 0; p < o.Informative; p++)
                {
                    v += b[p, q] * x[p][i];
                }

                target[i] = v;
            }
        }
    }

    /// <summary>
    /// Categorical features: category v has log-weight base[v] + tilt[class, v], with base ~ N(0, 0.5²) shared by
    /// all classes and tilt ~ N(0, dependence²) per class, so frequencies differ only mildly between classes.
    /// </summary>
    private static List<Column> CategoricalFeatures(double[] trueClass, ClassificationOptions o, GaussianSampler rng)
    {
        var result = new List<Column>(o.CategoricalFeatures);
        var m = o.CategoricalCardinality;
        var categories = Enumerable.Range(0, m).Select(v => string.Create(CultureInfo.InvariantCulture, $"v{v}")).ToArray();
        for (var c = 0; c < o.CategoricalFeatures; c++)
        {
            var probabilities = new double[o.Classes][];
            var baseLogits = Enumerable.Range(0, m).Select(_ => 0.5 * rng.Next()).ToArray();
            for (var k = 0; k < o.Classes; k++)
            {
                probabilities[k] = baseLogits.Select(b => Math.Exp(b + (o.CategoricalClassDependence * rng.Next()))).ToArray();
            }

            var codes = new int[trueClass.Length];
            for (var i = 0; i < codes.Length; i++)
            {
                codes[i] = rng.Categorical(probabilities[(int)trueClass[i]]);
            }

            result.Add(new CategoricalColumn(string.Create(CultureInfo.InvariantCulture, $"c{c}"), codes, categories));
        }

        return result;
    }
}
