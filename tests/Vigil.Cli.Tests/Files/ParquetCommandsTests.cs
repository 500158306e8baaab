using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Cli.Tests.Support;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Tests.Parquet;
using Vigil.Monitoring.Workspace;

namespace Vigil.Cli.Tests.Files;

/// <summary>
/// Every command that reads data takes Parquet as well as CSV (#16 item 6), and the same table gives the same answer
/// from either file. The Parquet files are written by an independent writer (ParquetSharp / Arrow C++), with several
/// row groups and dictionary-encoded strings, from the table the CSV reader reads.
/// </summary>
public sealed class ParquetCommandsTests(TrainedWorkspace trained) : IClassFixture<TrainedWorkspace>
{
    private string Unique(string name) => trained.PathOf(Guid.NewGuid().ToString("N")[..8] + "-" + name);

    // A CSV file and the same table as Parquet (three row groups or more).
    private (string Csv, string Parquet) Pair(string name, string content)
    {
        var csv = trained.Write(Guid.NewGuid().ToString("N")[..8] + "-" + name + ".csv", content);
        var parquet = Path.ChangeExtension(csv, ".parquet");
        var table = CsvTableReader.Read(csv);
        IndependentParquet.Write(table, parquet, rowGroupRows: Math.Max(1, table.RowCount / 3));
        return (csv, parquet);
    }

    [Fact]
    public void DriftGivesTheSameJsonFromCsvAndParquet()
    {
        var reference = Pair("ref", CliData.Rows(300, seed: 31));
        var current = Pair("cur", CliData.Rows(250, seed: 32, shift: 0.4));
        var fromCsv = Unique("csv.json");
        var fromParquet = Unique("parquet.json");
        var csvRun = CliRunner.Run("drift", "--reference", reference.Csv, "--current", current.Csv, "--label", "y", "--json", fromCsv);
        var parquetRun = CliRunner.Run("drift", "--reference", reference.Parquet, "--current", current.Parquet, "--label", "y", "--json", fromParquet);
        Assert.True(csvRun.ExitCode is 0 or 1, csvRun.Stderr);
        Assert.Equal(csvRun.ExitCode, parquetRun.ExitCode);
        Assert.Equal(File.ReadAllText(fromCsv), File.ReadAllText(fromParquet));
        Assert.Contains("\"drifted\": true", File.ReadAllText(fromCsv), StringComparison.Ordinal); // the shift is seen: the comparison is not vacuous
    }

    [Fact]
    public void CheckGivesTheSameResultFromCsvAndParquet()
    {
        var window = Pair("window", CliData.Rows(180, seed: 33, shift: 0.3));
        var results = new List<JsonNode>();
        foreach (var file in new[] { window.Csv, window.Parquet })
        {
            var json = Unique("check.json");
            var run = CliRunner.Run("check", "-m", "m", "-w", trained.Copy(), "--data", file, "--json", json,
                "--window-start", "2026-11-01T00:00:00Z", "--window-end", "2026-11-08T00:00:00Z");
            Assert.True(run.ExitCode is 0 or 1, run.Stderr);
            var result = JsonNode.Parse(File.ReadAllText(json))!;
            Strip(result, "ran_at", "decided_at");
            results.Add(result);
        }

        Assert.Equal(results[0].ToJsonString(), results[1].ToJsonString());
        Assert.NotNull(results[0]["result"]!["performance"]); // the label column was read from both files
    }

    [Fact]
    public void EvaluateAndPredictReadParquetAndPredictWritesIt()
    {
        var data = Pair("score", CliData.Rows(90, seed: 34));
        var jsons = new[] { Unique("e1.json"), Unique("e2.json") };
        Assert.Equal(0, CliRunner.Run("evaluate", "--model", trained.Bundle, "--data", data.Csv, "--json", jsons[0]).ExitCode);
        Assert.Equal(0, CliRunner.Run("evaluate", "--model", trained.Bundle, "--data", data.Parquet, "--json", jsons[1]).ExitCode);
        Assert.Equal(File.ReadAllText(jsons[0]), File.ReadAllText(jsons[1]));

        var csvOut = Unique("scored.csv");
        var parquetOut = Unique("scored.parquet");
        Assert.Equal(0, CliRunner.Run("predict", "--model", trained.Bundle, "--data", data.Parquet, "--out", parquetOut).ExitCode);
        Assert.Equal(0, CliRunner.Run("predict", "--model", trained.Bundle, "--data", data.Csv, "--out", csvOut).ExitCode);
        Assert.Equal("PAR1"u8.ToArray(), File.ReadAllBytes(parquetOut)[..4]);
        var fromCsv = TableFile.Read(csvOut);
        var fromParquet = TableFile.Read(parquetOut);
        Assert.Equal(fromCsv.ColumnNames, fromParquet.ColumnNames);
        Assert.Contains("score", fromParquet.ColumnNames);
        foreach (var name in fromCsv.ColumnNames)
        {
            Assert.Equal(Cells(fromCsv, name), Cells(fromParquet, name));
        }
    }

    [Fact]
    public void PredictRefusesAnOutputItCannotWriteBeforeScoring()
    {
        var data = Pair("refuse", CliData.Rows(20, seed: 35));
        var target = Unique("scored.json");
        var error = CliRunner.AssertOneLineError(CliRunner.Run("predict", "--model", trained.Bundle, "--data", data.Parquet, "--out", target));
        Assert.Contains("expected a file named .csv or .parquet to write", error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void TrainAndRetrainTakeParquet()
    {
        var train = Pair("train", CliData.Rows(160, seed: 36));
        var ws = Unique("ws-parquet");
        var trainedRun = CliRunner.Run("train", "--data", train.Parquet, "--label", "y", "--max-trials", "2", "--time-budget", "0", "--model", "p", "-w", ws);
        Assert.True(trainedRun.ExitCode == 0, trainedRun.Stdout + trainedRun.Stderr);

        var recent = Pair("recent", CliData.Rows(120, seed: 37));
        var retrained = CliRunner.Run("retrain", "-m", "p", "-w", ws, "--data", recent.Parquet, "--force", "--max-trials", "2", "--time-budget", "0");
        Assert.True(retrained.ExitCode == 0, retrained.Stdout + retrained.Stderr);
        Assert.Contains("Champion vs challenger", retrained.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayTakesParquet()
    {
        var stream = Pair("stream", CliData.Stream(200, seed: 7));
        var json = Unique("replay.json");
        var run = CliRunner.Run("replay", "--data", stream.Parquet, "--label", "y", "--batch", "40", "--initial", "2", "--window", "2",
            "--max-trials", "2", "--strategy", "static", "--drop", "t", "--workdir", Unique("work"), "--json", json);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(200, doc.RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public void AnUnsupportedParquetColumnIsExitTwoAndRecordsNothing()
    {
        var path = Unique("nested.parquet");
        IndependentParquet.WriteColumns(path,
            (new ParquetSharp.Column<double>("x1"), new[] { 0.1, 0.2 }),
            (new ParquetSharp.Column<int[]>("x2"), new[] { new[] { 1 }, new[] { 2 } }));
        var ws = trained.Copy();
        var error = CliRunner.AssertOneLineError(CliRunner.Run("check", "-m", "m", "-w", ws, "--data", path));
        Assert.Contains($"{path}, column 'x2': expected a flat column", error, StringComparison.Ordinal);
        using var workspace = VigilWorkspace.Open(ws);
        Assert.Empty(workspace.Store.ListChecks("m"));
    }

    [Fact]
    public void ALabelProblemInParquetNamesTheRow()
    {
        var rows = CliData.Rows(60, seed: 39).Split('\n');
        rows[8] = rows[8][..rows[8].LastIndexOf(',')] + ","; // data row 8 has no label
        var data = Pair("no-label", string.Join('\n', rows));
        var error = CliRunner.AssertOneLineError(CliRunner.Run("train", "--data", data.Parquet, "--label", "y", "--max-trials", "1",
            "--time-budget", "0", "--out", Unique("bundle")));
        Assert.Contains($"{data.Parquet}, row 8, column 'y': expected a label on every training row, found a missing value", error, StringComparison.Ordinal);

        var unknown = CliData.Rows(30, seed: 40).Split('\n');
        unknown[5] = unknown[5][..unknown[5].LastIndexOf(',')] + ",7";
        var scored = Pair("unknown-label", string.Join('\n', unknown));
        error = CliRunner.AssertOneLineError(CliRunner.Run("evaluate", "--model", trained.Bundle, "--data", scored.Parquet));
        Assert.Contains($"{scored.Parquet}, row 5, column 'y': expected one of the training classes (0, 1), found '7'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADamagedParquetFileIsExitTwoNamingTheFile()
    {
        var data = Pair("damaged", CliData.Rows(40, seed: 38));
        var bytes = File.ReadAllBytes(data.Parquet);
        var path = Unique("damaged.parquet");
        File.WriteAllBytes(path, bytes[..^20]);
        var error = CliRunner.AssertOneLineError(CliRunner.Run("drift", "--reference", data.Parquet, "--current", path));
        Assert.StartsWith($"error: {path}: expected", error, StringComparison.Ordinal);
    }

    private static void Strip(JsonNode node, params string[] names)
    {
        if (node is JsonObject obj)
        {
            foreach (var name in names)
            {
                obj.Remove(name);
            }

            foreach (var (_, child) in obj.ToArray())
            {
                if (child is not null)
                {
                    Strip(child, names);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                {
                    Strip(child, names);
                }
            }
        }
    }

    private static string?[] Cells(Vigil.Data.Tables.Table table, string column) =>
        Enumerable.Range(0, table.RowCount).Select(table[column].FormatCell).ToArray();
}
