using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

/// <summary>Small synthetic tables with known structure.</summary>
internal static class TestData
{
    /// <summary>Binary label driven by x1 + category; x2 has missing values; "color" is categorical.</summary>
    public static Table Binary(int rows = 300, int seed = 7, bool stringLabel = true)
    {
        var random = new Random(seed);
        var x1 = new double[rows];
        var x2 = new double[rows];
        var color = new string?[rows];
        var labels = new string?[rows];
        var numeric = new double[rows];
        string[] colors = ["red", "green", "blue"];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = (random.NextDouble() * 4) - 2;
            x2[i] = random.NextDouble() < 0.2 ? double.NaN : random.NextDouble();
            color[i] = random.NextDouble() < 0.05 ? null : colors[random.Next(3)];
            var logit = (2 * x1[i]) + (color[i] == "red" ? 1.5 : 0) + ((random.NextDouble() - 0.5) * 1.5);
            var positive = logit > 0.3;
            labels[i] = positive ? "yes" : "no";
            numeric[i] = positive ? 1 : 0;
        }

        return new Table([
            new NumericColumn("x1", x1),
            new NumericColumn("x2", x2),
            CategoricalColumn.FromValues("color", color),
            stringLabel ? CategoricalColumn.FromValues("y", labels) : new NumericColumn("y", numeric),
        ]);
    }

    /// <summary>Three classes separated along x1.</summary>
    public static Table Multiclass(int rows = 300, int seed = 11)
    {
        var random = new Random(seed);
        var x1 = new double[rows];
        var x2 = new double[rows];
        var labels = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            var k = random.Next(3);
            x1[i] = k + ((random.NextDouble() - 0.5) * 1.2);
            x2[i] = random.NextDouble();
            labels[i] = "c" + k;
        }

        return new Table([new NumericColumn("x1", x1), new NumericColumn("x2", x2), CategoricalColumn.FromValues("y", labels)]);
    }

    /// <summary>y = 3·x1 − 2·x2 + noise, with a few missing x2.</summary>
    public static Table Regression(int rows = 300, int seed = 13)
    {
        var random = new Random(seed);
        var x1 = new double[rows];
        var x2 = new double[rows];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = random.NextDouble();
            var v = random.NextDouble();
            x2[i] = random.NextDouble() < 0.1 ? double.NaN : v;
            y[i] = (3 * x1[i]) - (2 * v) + ((random.NextDouble() - 0.5) * 0.2);
        }

        return new Table([new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("y", y)]);
    }

    /// <summary>y = <paramref name="target"/>(x1, x2) + uniform noise of width <paramref name="noise"/>; x1, x2 uniform on [0, 1), none missing.</summary>
    public static Table TwoFeatures(int rows, int seed, Func<double, double, double> target, double noise)
    {
        var random = new Random(seed);
        var x1 = new double[rows];
        var x2 = new double[rows];
        var y = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            x1[i] = random.NextDouble();
            x2[i] = random.NextDouble();
            y[i] = target(x1[i], x2[i]) + ((random.NextDouble() - 0.5) * noise);
        }

        return new Table([new NumericColumn("x1", x1), new NumericColumn("x2", x2), new NumericColumn("y", y)]);
    }

    /// <summary>Options for quick deterministic runs: a few trials, no time budget, holdout.</summary>
    public static AutoMLOptions Quick(string label = "y", int trials = 3, params string[] learners) => new()
    {
        Label = label,
        TimeBudget = null,
        MaxTrials = trials,
        Validation = Validation.ValidationMethod.Holdout,
        HoldoutFraction = 0.2,
        Learners = learners.Length == 0 ? null : learners,
        Threads = 1,
    };
}
