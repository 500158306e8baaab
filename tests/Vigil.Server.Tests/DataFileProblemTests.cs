using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Parquet;
using Vigil.Data.Tables;
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
    public async Task AnUploadedParquetStatingMoreCellsThanTheLimit_Is422_AndNothingIsRegistered()
    {
        // 2,000,000 rows of one repeated value: a small upload whose footer sizes 4,000,000 cells.
        var folder = Directory.CreateTempSubdirectory("vigil-cells-").FullName;
        var path = Path.Combine(folder, "reference.parquet");
        ParquetTableWriter.Write(new Table([new NumericColumn("x", new double[2_000_000]), new NumericColumn("y", new double[2_000_000])]), path);
        await using var server = await RunningServer.StartAsync(new Dictionary<string, string?> { ["Vigil:MaxUploadCells"] = "1000000" });
        using var form = new MultipartFormDataContent
        {
            { new StringContent("external"), "kind" },
            { new StringContent("y"), "label" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(path)), "reference", "reference.parquet" },
        };

        var refused = await server.Writer.PostAsync("/api/v1/models/big/versions/register", form);
        var problem = await refused.Content.ReadAsStringAsync();

        Assert.Equal(422, (int)refused.StatusCode);
        Assert.Contains("the uploaded reference: expected at most 1,000,000 cells (rows × columns read), found 2,000,000 rows × 2 columns", problem, StringComparison.Ordinal);
        Assert.Equal(404, (int)(await server.Reader.GetAsync("/api/v1/models/big")).StatusCode);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void CsvErrorsKeepTheirTitle() =>
        Assert.Equal("Invalid CSV", ProblemMapping.Describe(new CsvFormatException("a.csv", 2, 1, "x", "a number", "'q'")).Title);
}
