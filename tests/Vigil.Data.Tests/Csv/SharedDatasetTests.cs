using System.Text.Json;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Data.Tests.Csv;

public class SharedDatasetTests
{
    [SkippableFact]
    public void EveryTrainCsvMatchesItsMeta()
    {
        var root = Vigil.TestSupport.SharedData.RequireDirectory("datasets");
        var checkedCount = 0;
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var train = Path.Combine(dir, "train.csv");
            var metaPath = Path.Combine(dir, "meta.json");
            if (!File.Exists(train) || !File.Exists(metaPath))
            {
                continue;
            }

            using var meta = JsonDocument.Parse(File.ReadAllText(metaPath));
            var expectedRows = meta.RootElement.GetProperty("train_rows").GetInt32();
            var expectedColumns = meta.RootElement.GetProperty("columns").EnumerateArray().Select(e => e.GetString()!).ToArray();
            var label = meta.RootElement.GetProperty("label").GetString()!;

            var table = CsvTableReader.Read(train);
            Assert.Equal(expectedRows, table.RowCount);
            Assert.Equal(expectedColumns, table.ColumnNames);
            Assert.True(table.Contains(label));
            checkedCount++;
        }

        Assert.True(checkedCount >= 1, "no dataset with train.csv and meta.json found");
    }

    [SkippableFact]
    public void BankHasCategoricalAndNumericColumns()
    {
        var path = Vigil.TestSupport.SharedData.RequireFile(Path.Combine("datasets", "bank", "train.csv"));
        var t = CsvTableReader.Read(path);
        Assert.Equal(ColumnKind.Numeric, t["age"].Kind);
        Assert.Equal(ColumnKind.Categorical, t["job"].Kind);
        Assert.Contains("yes", ((CategoricalColumn)t["y"]).Categories);
    }
}
