using Vigil.Data.Tables;

namespace Vigil.Data.Tests;

/// <summary>Table comparisons and small statistics for tests.</summary>
internal static class TableAssert
{
    /// <summary>Same names, kinds and cells (compared through their invariant text).</summary>
    public static void Identical(Table expected, Table actual)
    {
        Assert.Equal(expected.ColumnNames, actual.ColumnNames);
        Assert.Equal(expected.RowCount, actual.RowCount);
        for (var c = 0; c < expected.Columns.Count; c++)
        {
            Assert.Equal(expected[c].Kind, actual[c].Kind);
            for (var r = 0; r < expected.RowCount; r++)
            {
                Assert.Equal(expected[c].FormatCell(r), actual[c].FormatCell(r));
            }
        }
    }

    public static double[] Numbers(Table table, string column) => ((NumericColumn)table[column]).Values.ToArray();

    public static double Mean(IEnumerable<double> values) => values.Where(v => !double.IsNaN(v)).Average();

    public static double Std(IEnumerable<double> values)
    {
        var known = values.Where(v => !double.IsNaN(v)).ToArray();
        var mean = known.Average();
        return Math.Sqrt(known.Sum(v => (v - mean) * (v - mean)) / (known.Length - 1));
    }
}
