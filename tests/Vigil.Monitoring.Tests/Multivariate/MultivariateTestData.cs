using Vigil.Data.Tables;
using Vigil.Monitoring.Tests.Checks;

namespace Vigil.Monitoring.Tests.Multivariate;

/// <summary>Seeded tables whose columns keep their N(0, 1) marginals while their correlations change.</summary>
internal static class MultivariateTestData
{
    /// <summary>
    /// Two pairs (a, b) and (c, d) of standard normals with correlation <paramref name="abCorrelation"/> and
    /// <paramref name="cdCorrelation"/>, plus <paramref name="noise"/> independent N(0, 1) columns n0.. and, when asked,
    /// a categorical column "region" (three equally likely values, independent of the rest).
    /// </summary>
    public static Table Pairs(int rows, int seed, double abCorrelation, double cdCorrelation = 0.9, int noise = 1, bool region = false)
    {
        var random = new Random(seed);
        var columns = new List<Column>();
        var (a, b) = Pair(rows, abCorrelation, random);
        var (c, d) = Pair(rows, cdCorrelation, random);
        columns.Add(new NumericColumn("a", a));
        columns.Add(new NumericColumn("b", b));
        columns.Add(new NumericColumn("c", c));
        columns.Add(new NumericColumn("d", d));
        for (var j = 0; j < noise; j++)
        {
            columns.Add(new NumericColumn($"n{j}", Enumerable.Range(0, rows).Select(_ => MonitoringTestData.Normal(random)).ToArray()));
        }

        if (region)
        {
            string[] names = ["north", "south", "west"];
            columns.Add(CategoricalColumn.FromValues("region", Enumerable.Range(0, rows).Select(_ => (string?)names[random.Next(3)]).ToArray()));
        }

        return new Table(columns);
    }

    // b = ρ·a + √(1 − ρ²)·e: both N(0, 1), correlation ρ.
    private static (double[] A, double[] B) Pair(int rows, double correlation, Random random)
    {
        var a = new double[rows];
        var b = new double[rows];
        var rest = Math.Sqrt(1 - (correlation * correlation));
        for (var i = 0; i < rows; i++)
        {
            a[i] = MonitoringTestData.Normal(random);
            b[i] = (correlation * a[i]) + (rest * MonitoringTestData.Normal(random));
        }

        return (a, b);
    }
}
