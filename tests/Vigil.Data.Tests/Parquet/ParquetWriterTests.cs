using Vigil.Data.Files;
using Vigil.Data.Parquet;
using Vigil.Data.Tables;

namespace Vigil.Data.Tests.Parquet;

/// <summary>Vigil's Parquet output, read back by Vigil and by an independent reader (ParquetSharp / Arrow C++).</summary>
public sealed class ParquetWriterTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vigil-parquet-out-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private static Table Sample(int rows = 5) => new(
    [
        new NumericColumn("x", Enumerable.Range(0, rows).Select(i => (i % 5) switch { 0 => 1.5, 1 => double.NaN, 2 => -1e-300, 3 => 0.1 + 0.2, _ => double.PositiveInfinity }).ToArray()),
        CategoricalColumn.FromValues("s", Enumerable.Range(0, rows).Select(i => (i % 5) switch { 0 => "plain", 1 => "has,comma", 2 => "NA", 3 => null, _ => "多字节" }).ToArray()),
        new BooleanColumn("b", Enumerable.Range(0, rows).Select(i => (i % 3) switch { 0 => true, 1 => (bool?)false, _ => null }).ToArray()),
        new DateTimeColumn("utc", Enumerable.Range(0, rows).Select(i => i % 4 == 3 ? null : (DateTime?)new DateTime(2024, 1, 31, 12, 0, 0, DateTimeKind.Utc).AddMinutes(i * 37.5)).ToArray()),
        new DateTimeColumn("local", Enumerable.Range(0, rows).Select(i => (DateTime?)new DateTime(1999, 12, 31, 23, 59, 59).AddDays(i)).ToArray()),
    ]);

    [Fact]
    public void RoundTripKeepsNamesKindsCategoriesAndCells()
    {
        var path = PathOf("round.parquet");
        ParquetTableWriter.Write(Sample(), path);
        var back = ParquetTableReader.Read(path);
        TableAssert.Identical(Sample(), back);
        Assert.Equal(((CategoricalColumn)Sample()["s"]).Categories, ((CategoricalColumn)back["s"]).Categories);
        Assert.Equal(DateTimeKind.Utc, ((DateTimeColumn)back["utc"])[0]!.Value.Kind);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTimeColumn)back["local"])[0]!.Value.Kind);
    }

    [Fact]
    public void SeveralRowGroupsRoundTrip()
    {
        var path = PathOf("groups.parquet");
        var table = Sample(1003);
        ParquetTableWriter.Write(table, path, rowGroupRows: 100);
        using (var file = new ParquetSharp.ParquetFileReader(path))
        {
            Assert.Equal(11, file.FileMetaData.NumRowGroups);
            file.Close();
        }

        TableAssert.Identical(table, TableFile.Read(path));
    }

    [Fact]
    public void AnIndependentReaderSeesTheDocumentedTypesAndValues()
    {
        var path = PathOf("types.parquet");
        ParquetTableWriter.Write(Sample(), path);
        var types = IndependentParquet.LogicalTypes(path);
        Assert.StartsWith("x: Double", types[0], StringComparison.Ordinal);
        Assert.StartsWith("s: ByteArray String", types[1], StringComparison.Ordinal);
        Assert.StartsWith("b: Boolean", types[2], StringComparison.Ordinal);
        Assert.Contains("isAdjustedToUTC=true", types[3], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("isAdjustedToUTC=false", types[4], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("microseconds", types[3], StringComparison.OrdinalIgnoreCase);

        Assert.Equal([1.5, null, -1e-300, 0.1 + 0.2, double.PositiveInfinity], IndependentParquet.ReadColumn<double?>(path, 0));
        Assert.Equal((IEnumerable<string?>)["plain", "has,comma", "NA", null, "多字节"], IndependentParquet.ReadColumn<string?>(path, 1));
        Assert.Equal([true, false, null, true, false], IndependentParquet.ReadColumn<bool?>(path, 2));
        var utc = IndependentParquet.ReadColumn<DateTime?>(path, 3);
        Assert.Equal(new DateTime(2024, 1, 31, 12, 37, 30), utc[1]);
        Assert.Null(utc[3]);
        Assert.Equal(new DateTime(2000, 1, 1, 23, 59, 59), IndependentParquet.ReadColumn<DateTime?>(path, 4)[1]);
    }

    [Fact]
    public void WritingIsAtomicAndLeavesNoTemporaryFile()
    {
        var path = PathOf("atomic.parquet");
        File.WriteAllText(path, "old content");
        TableFile.Write(Sample(), path);
        Assert.Equal(["atomic.parquet"], _dir.GetFiles().Select(f => f.Name));
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(path)[..4]);
    }

    [Fact]
    public void TheExtensionChoosesTheFormat()
    {
        TableFile.Write(Sample(), PathOf("a.csv"));
        TableFile.Write(Sample(), PathOf("a.PARQUET"));
        Assert.Equal((byte)'x', File.ReadAllBytes(PathOf("a.csv"))[0]);
        Assert.Equal((byte)'P', File.ReadAllBytes(PathOf("a.PARQUET"))[0]);
        var error = Assert.Throws<TableFileException>(() => TableFile.Write(Sample(), PathOf("a.xlsx")));
        Assert.Equal($"{PathOf("a.xlsx")}: expected a file named .csv or .parquet to write, found the extension '.xlsx'.", error.Message);
        Assert.False(File.Exists(PathOf("a.xlsx")));
    }
}
