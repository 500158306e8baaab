using System.Globalization;
using Vigil.Data.Tables;

namespace Vigil.Data.Synthetic;

/// <summary>
/// A linear regression problem like scikit-learn's <c>make_regression</c> (without low effective rank): standard
/// normal features, coefficients uniform on [0, 100) for the first <see cref="RegressionOptions.Informative"/>
/// features and zero for the rest, label = features · coefficients + bias + N(0, noise²).
/// </summary>
public static class RegressionGenerator
{
    /// <summary>The table: f0..f{n-1}, then the numeric label.</summary>
    public static Table Generate(RegressionOptions options) => GenerateWithCoefficients(options).Table;

    /// <summary>The table and the coefficients used to make it.</summary>
    public static RegressionData GenerateWithCoefficients(RegressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Samples, 1, nameof(options.Samples));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Features, 1, nameof(options.Features));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Informative, nameof(options.Informative));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Informative, options.Features, nameof(options.Informative));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Noise, nameof(options.Noise));
        ArgumentException.ThrowIfNullOrEmpty(options.LabelName);

        var rng = new GaussianSampler(options.Seed);
        var n = options.Samples;
        var x = new double[options.Features][];
        for (var j = 0; j < x.Length; j++)
        {
            x[j] = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[j][i] = rng.Next();
            }
        }

        var coefficients = new double[options.Features];
        for (var j = 0; j < options.Informative; j++)
        {
            coefficients[j] = rng.Uniform(0, 100);
        }

        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = options.Bias;
            for (var j = 0; j < options.Informative; j++)
            {
                sum += coefficients[j] * x[j][i];
            }

            y[i] = sum + (options.Noise > 0 ? options.Noise * rng.Next() : 0);
        }

        var columns = new List<Column>(options.Features + 1);
        for (var j = 0; j < x.Length; j++)
        {
            columns.Add(new NumericColumn(string.Create(CultureInfo.InvariantCulture, $"f{j}"), x[j]));
        }

        columns.Add(new NumericColumn(options.LabelName, y));
        return new RegressionData(new Table(columns), coefficients);
    }
}
