using System.Globalization;
using Vigil.Cli.Tests.Support;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tables;
using Vigil.Monitoring;
using Vigil.Monitoring.Store;

namespace Vigil.Cli.Tests.Files;

/// <summary><c>vigil export</c>: the logged rows an outside pipeline retrains from, as CSV or Parquet (#16).</summary>
public sealed class ExportCommandTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private string Unique(string name) => trained.PathOf(Guid.NewGuid().ToString("N")[..8] + "-" + name);

    // Ten rows r0..r9, one minute apart; features logged in another order than the model's (c, x2, x1), r4 without c;
    // labels for r1, r3, r5, r7, r8.
    private string LoggedWorkspace()
    {
        var ws = trained.Copy();
        using var monitor = VigilMonitor.Open(ws);
        var rows = Enumerable.Range(0, 10).Select(i => new PredictionRecord(
            $"r{i}",
            T0.AddMinutes(i),
            i == 4
                ? new Dictionary<string, object?> { ["x2"] = -0.5 * i, ["x1"] = 0.25 * i }
                : new Dictionary<string, object?> { ["c"] = "abc"[i % 3].ToString(), ["x2"] = -0.5 * i, ["x1"] = 0.25 * i },
            (i % 2).ToString(CultureInfo.InvariantCulture),
            0.1 * i,
            1)).ToArray();
        monitor.LogPredictions("m", rows);
        monitor.LogLabels("m", new[] { 1, 3, 5, 7, 8 }.Select(i => new LabelRecord($"r{i}", i == 8 ? "0" : "1", null)).ToArray());
        return ws;
    }

    [Fact]
    public void ExportWritesTheNewestLabelledRowsInTheChampionsSchemaOrder()
    {
        var ws = LoggedWorkspace();
        var csv = Unique("rows.csv");
        var (code, stdout, stderr) = CliRunner.Run("export", "--model", "m", "--labelled", "--rows", "3", "--out", csv, "--workspace", ws);
        Assert.True(code == 0, $"{stdout}\n{stderr}");
        Assert.Contains("3 rows of m", stdout, StringComparison.Ordinal);

        var table = CsvTableReader.Read(csv);
        Assert.Equal(["id", "timestamp", "x1", "x2", "c", "y", "prediction", "score", "model_version"], table.ColumnNames);
        Assert.Equal((IEnumerable<string?>)["r5", "r7", "r8"], Cells(table, "id")); // the newest three labelled rows, oldest first
        Assert.Equal((IEnumerable<string?>)["1", "1", "0"], Cells(table, "y"));
        Assert.Equal((IEnumerable<string?>)["1.25", "1.75", "2"], Cells(table, "x1"));
        Assert.Equal((IEnumerable<string?>)["-2.5", "-3.5", "-4"], Cells(table, "x2"));
        Assert.Equal((IEnumerable<string?>)["c", "b", "c"], Cells(table, "c"));
        Assert.Equal((IEnumerable<string?>)["1", "1", "0"], Cells(table, "prediction"));
        Assert.Equal([T0.AddMinutes(5).UtcDateTime, T0.AddMinutes(7).UtcDateTime, T0.AddMinutes(8).UtcDateTime],
            ((DateTimeColumn)table["timestamp"]).Values.ToArray().Select(v => v!.Value));
        Assert.Equal(DateTimeKind.Utc, ((DateTimeColumn)table["timestamp"])[0]!.Value.Kind);
    }

    [Fact]
    public void ParquetAndCsvExportsHoldTheSameRowsAndTheParquetKeepsTypes()
    {
        var ws = LoggedWorkspace();
        var csv = Unique("all.csv");
        var parquet = Unique("all.parquet");
        Assert.Equal(0, CliRunner.Run("export", "-m", "m", "--out", csv, "--store", ws).ExitCode);
        Assert.Equal(0, CliRunner.Run("export", "-m", "m", "--out", parquet, "--store", ws).ExitCode);

        var fromCsv = TableFile.Read(csv);
        var fromParquet = TableFile.Read(parquet);
        Assert.Equal(fromCsv.ColumnNames, fromParquet.ColumnNames);
        Assert.Equal(10, fromParquet.RowCount);
        foreach (var name in fromCsv.ColumnNames)
        {
            Assert.Equal(Cells(fromCsv, name), Cells(fromParquet, name));
        }

        // Unlabelled rows have a missing label; r4 logged no c.
        Assert.Equal(5, fromParquet["y"].MissingCount);
        Assert.True(fromParquet["c"].IsMissing(4));
        // Parquet keeps what CSV cannot say: the class labels stay text, the time is a UTC timestamp.
        Assert.Equal(ColumnKind.Categorical, fromParquet["prediction"].Kind);
        Assert.Equal(ColumnKind.Categorical, fromParquet["y"].Kind);
        Assert.Equal(ColumnKind.Numeric, fromCsv["y"].Kind);
        Assert.Equal(DateTimeKind.Utc, ((DateTimeColumn)fromParquet["timestamp"])[0]!.Value.Kind);
    }

    [Fact]
    public void SinceKeepsRowsPredictedAtOrAfterTheTime()
    {
        var ws = LoggedWorkspace();
        var csv = Unique("since.csv");
        var since = T0.AddMinutes(7).ToString("o", CultureInfo.InvariantCulture);
        Assert.Equal(0, CliRunner.Run("export", "-m", "m", "--since", since, "--out", csv, "-w", ws).ExitCode);
        Assert.Equal((IEnumerable<string?>)["r7", "r8", "r9"], Cells(CsvTableReader.Read(csv), "id"));
    }

    [Fact]
    public void AnUnknownModelIsAOneLineErrorAndWritesNothing()
    {
        var ws = LoggedWorkspace();
        var target = Unique("none.parquet");
        var error = CliRunner.AssertOneLineError(CliRunner.Run("export", "-m", "nobody", "--out", target, "-w", ws));
        Assert.Contains("'nobody'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void NoMatchingRowsIsAOneLineErrorAndWritesNothing()
    {
        var ws = trained.Copy(); // nothing logged
        var target = Unique("empty.csv");
        var error = CliRunner.AssertOneLineError(CliRunner.Run("export", "-m", "m", "--labelled", "--out", target, "-w", ws));
        Assert.Contains("no logged labelled rows", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));

        var later = T0.AddDays(30).ToString("o", CultureInfo.InvariantCulture);
        error = CliRunner.AssertOneLineError(CliRunner.Run("export", "-m", "m", "--since", later, "--out", target, "-w", LoggedWorkspace()));
        Assert.Contains("since 2026-12-02", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void AnOutputThatIsNeitherCsvNorParquetIsRefusedBeforeReading()
    {
        var target = Unique("rows.xlsx");
        var error = CliRunner.AssertOneLineError(CliRunner.Run("export", "-m", "nobody", "--out", target, "-w", trained.Copy()));
        Assert.Contains(".csv or .parquet", error, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", error, StringComparison.Ordinal); // stopped before the workspace was read
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void RowsMustBePositive()
    {
        var (code, _, stderr) = CliRunner.Run("export", "-m", "m", "--rows", "0", "--out", Unique("x.csv"), "-w", trained.Copy());
        Assert.Equal(ExitCodes.UsageOrInput, code);
        Assert.Contains("--rows must be at least 1", stderr, StringComparison.Ordinal);
    }

    private static string?[] Cells(Table table, string column) =>
        Enumerable.Range(0, table.RowCount).Select(table[column].FormatCell).ToArray();
}
