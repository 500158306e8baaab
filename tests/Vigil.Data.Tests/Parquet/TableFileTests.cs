using Vigil.Data.Csv;
using Vigil.Data.Files;

namespace Vigil.Data.Tests.Parquet;

/// <summary>The one entry point for data files: the extension picks the reader.</summary>
public sealed class TableFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vigil-tablefile-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    [Theory]
    [InlineData("a.csv", TableFileFormat.Csv)]
    [InlineData("a.TSV", TableFileFormat.Csv)]
    [InlineData("adult.data", TableFileFormat.Csv)]
    [InlineData("noextension", TableFileFormat.Csv)]
    [InlineData("a.parquet", TableFileFormat.Parquet)]
    [InlineData("part-0001.snappy.pq", TableFileFormat.Parquet)]
    public void TheExtensionNamesTheFormat(string name, TableFileFormat format) => Assert.Equal(format, TableFile.ReadFormatOf(name));

    [Fact]
    public void AnUnknownExtensionIsOneLineNamingTheFile()
    {
        var path = PathOf("book.xlsx");
        File.WriteAllText(path, "x\n1\n");
        var error = Assert.Throws<TableFileException>(() => TableFile.Read(path));
        Assert.Equal($"{path}: expected a file named .csv or .parquet to read (CSV also as .tsv, .txt, .data or no extension), found the extension '.xlsx'.", error.Message);
    }

    [Fact]
    public void CsvOptionsStillApplyToCsvFiles()
    {
        var path = PathOf("latin.csv");
        File.WriteAllBytes(path, [.. "name\n"u8, 0xE9, (byte)'\n']);
        Assert.Throws<CsvFormatException>(() => TableFile.Read(path));
        var table = TableFile.Read(path, new CsvReadOptions { Encoding = CsvEncoding.Latin1 });
        Assert.Equal("é", table["name"].FormatCell(0));
    }
}
