using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Data.Tests.Csv;

public class CsvWriterTests
{
    private static Table Sample() => new(
    [
        new NumericColumn("x", [1.5, double.NaN, -1e-300, 0.1 + 0.2, double.PositiveInfinity]),
        CategoricalColumn.FromValues("s", ["plain", "has,comma", "has \"quote\"", null, "multi\nline"]),
        new BooleanColumn("b", [true, false, null, true, false]),
        new DateTimeColumn("d", [new DateTime(2024, 1, 31), null, new DateTime(2024, 2, 1, 12, 0, 0, DateTimeKind.Utc), new DateTime(2000, 1, 1), new DateTime(1999, 12, 31, 23, 59, 59)]),
        CategoricalColumn.FromValues("semi;name", ["a;b", " padded ", "x|y", "t\tz", "ok"]),
    ]);

    private static readonly CsvReadOptions Schema = new()
    {
        Schema = new Dictionary<string, ColumnKind> { ["b"] = ColumnKind.Boolean, ["d"] = ColumnKind.DateTime },
    };

    [Fact]
    public void RoundTripThroughATextWriter()
    {
        var original = Sample();
        using var sw = new StringWriter();
        CsvTableWriter.Write(original, sw);
        var back = CsvTableReader.Read(new StringReader(sw.ToString()), "mem", Schema);
        AssertSameTable(original, back);
    }

    [Fact]
    public void RoundTripThroughAFileIsAtomicAndLeavesNoTempFile()
    {
        var folder = Directory.CreateTempSubdirectory("vigil-write-");
        try
        {
            var path = Path.Combine(folder.FullName, "out.csv");
            File.WriteAllText(path, "old content");
            CsvTableWriter.Write(Sample(), path);
            Assert.Equal(["out.csv"], folder.GetFiles().Select(f => f.Name));
            AssertSameTable(Sample(), CsvTableReader.Read(path, Schema));
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no BOM
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void WritesHeaderInvariantValuesAndEmptyForMissing()
    {
        using var sw = new StringWriter();
        CsvTableWriter.Write(new Table([new NumericColumn("v", [1.25, double.NaN, 3])]), sw);
        Assert.Equal("v\n1.25\n\n3\n", sw.ToString());
    }

    private static void AssertSameTable(Table expected, Table actual)
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
}
