using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Parquet;
using Vigil.Server.Api;

namespace Vigil.Server.Tests;

/// <summary>A data file the service cannot read (a Parquet reference, an unknown format) is 422 with the reader's line, never 500 (#16 item 7).</summary>
public sealed class DataFileProblemTests
{
    [Fact]
    public void ParquetErrorsAre422WithTheReadersMessage()
    {
        var error = new ParquetFormatException("ref.parquet", null, "tags", "a flat column", "a list");
        var (status, title, detail, _) = ProblemMapping.Describe(error);
        Assert.Equal(422, status);
        Assert.Equal("Invalid data file", title);
        Assert.Equal("ref.parquet, column 'tags': expected a flat column, found a list.", detail);
    }

    [Fact]
    public void AnUnknownFileFormatIs422()
    {
        var error = Assert.Throws<TableFileException>(() => TableFile.Read("reference.xlsx"));
        Assert.Equal(422, ProblemMapping.Describe(error).Status);
    }

    [Fact]
    public void CsvErrorsKeepTheirTitle() =>
        Assert.Equal("Invalid CSV", ProblemMapping.Describe(new CsvFormatException("a.csv", 2, 1, "x", "a number", "'q'")).Title);
}
