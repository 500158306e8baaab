using Vigil.Data.Tables;

namespace Vigil.Data.Tests.Tables;

public class TableTests
{
    private static Table Sample() => new(
    [
        new NumericColumn("x", [1, 2, double.NaN, 4, 5]),
        CategoricalColumn.FromValues("c", ["a", "b", "a", null, "c"]),
        new BooleanColumn("b", [true, null, false, true, false]),
        new DateTimeColumn("d", [new DateTime(2024, 1, 1), null, new DateTime(2024, 1, 3), new DateTime(2024, 1, 4), new DateTime(2024, 1, 5)]),
    ]);

    [Fact]
    public void RowCountAndLookup()
    {
        var t = Sample();
        Assert.Equal(5, t.RowCount);
        Assert.Equal(["x", "c", "b", "d"], t.ColumnNames);
        Assert.Equal(ColumnKind.Categorical, t["c"].Kind);
        Assert.Same(t["c"], t[1]);
        Assert.Equal(2, t.IndexOf("b"));
        Assert.Equal(-1, t.IndexOf("nope"));
        Assert.True(t.TryGetColumn("d", out var d));
        Assert.Equal(ColumnKind.DateTime, d.Kind);
    }

    [Fact]
    public void LookupOfUnknownColumnNamesTheKnownOnes()
    {
        var e = Assert.Throws<KeyNotFoundException>(() => Sample()["X"]);
        Assert.Contains("x, c, b, d", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingValuesPerKind()
    {
        var t = Sample();
        Assert.Equal([1, 1, 1, 1], t.Columns.Select(c => c.MissingCount));
        Assert.Equal(CategoricalColumn.MissingCode, ((CategoricalColumn)t["c"]).Codes[3]);
        Assert.Equal(["a", "b", "c"], ((CategoricalColumn)t["c"]).Categories);
        Assert.Equal([2, 1, 1], ((CategoricalColumn)t["c"]).CategoryCounts());
        Assert.Equal([1.0, 2, 4, 5], ((NumericColumn)t["x"]).NonMissing());
    }

    [Fact]
    public void SliceKeepsRowRange()
    {
        var s = Sample().Slice(1, 3);
        Assert.Equal(3, s.RowCount);
        Assert.Equal([2.0, double.NaN, 4], ((NumericColumn)s["x"]).Values.ToArray());
        Assert.Equal("b", ((CategoricalColumn)s["c"])[0]);
        Assert.Null(((BooleanColumn)s["b"])[0]);
        Assert.Equal(0, Sample().Slice(5, 0).RowCount);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, 6)]
    [InlineData(4, 2)]
    [InlineData(0, -1)]
    public void SliceOutOfRangeThrows(int start, int length) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Sample().Slice(start, length));

    [Fact]
    public void FilterByMask()
    {
        var f = Sample().Filter([true, false, false, true, true]);
        Assert.Equal(3, f.RowCount);
        Assert.Equal([1.0, 4, 5], ((NumericColumn)f["x"]).Values.ToArray());
        Assert.Equal(new DateTime(2024, 1, 4), ((DateTimeColumn)f["d"])[1]);
    }

    [Fact]
    public void FilterWithWrongLengthMaskThrows()
    {
        var e = Assert.Throws<ArgumentException>(() => Sample().Filter([true, false]));
        Assert.Contains("2 entries", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TakeSelectWithoutAndWithColumn()
    {
        var t = Sample();
        var taken = t.Take([4, 4, 0]);
        Assert.Equal([5.0, 5, 1], ((NumericColumn)taken["x"]).Values.ToArray());
        Assert.Equal(["d", "x"], t.SelectColumns(["d", "x"]).ColumnNames);
        Assert.Equal(["c", "b"], t.WithoutColumns("x", "d", "absent").ColumnNames);
        var replaced = t.WithColumn(new NumericColumn("x", [0, 0, 0, 0, 0]));
        Assert.Equal(["x", "c", "b", "d"], replaced.ColumnNames);
        Assert.Equal(0, ((NumericColumn)replaced["x"])[0]);
        Assert.Equal(1, ((NumericColumn)t["x"])[0]); // the original is unchanged
        Assert.Equal(5, t.WithColumn(new NumericColumn("y", new double[5])).Columns.Count);
    }

    [Fact]
    public void ConstructionErrors()
    {
        Assert.Throws<ArgumentException>(() => new Table([new NumericColumn("a", [1]), new NumericColumn("a", [2])]));
        Assert.Throws<ArgumentException>(() => new Table([new NumericColumn("a", [1]), new NumericColumn("b", [2, 3])]));
        Assert.Throws<ArgumentException>(() => new CategoricalColumn("c", [0, 2], ["x"]));
        Assert.Throws<KeyNotFoundException>(() => Sample().SelectColumns(["x", "nope"]));
        Assert.Equal(0, new Table([]).RowCount);
    }

    [Fact]
    public void FormatCellIsInvariant()
    {
        var t = Sample();
        Assert.Equal("1", t["x"].FormatCell(0));
        Assert.Null(t["x"].FormatCell(2));
        Assert.Equal("true", t["b"].FormatCell(0));
        Assert.Equal("2024-01-01T00:00:00.0000000", t["d"].FormatCell(0));
        Assert.Equal("0.5", new NumericColumn("h", [0.5]).FormatCell(0));
    }
}
