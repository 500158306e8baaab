using System.Text;
using Vigil.Data.Tables;
using Vigil.Monitoring.Store;
using Vigil.Server.Api;
using Vigil.Server.Api.Ingestion;

namespace Vigil.Server.Tests.Api;

/// <summary>
/// The values /predict scores are read column by column (<see cref="FeatureColumns"/>); the table they make must be
/// cell for cell the one <see cref="LoggedRowTable"/> makes of the same values, for every column kind and every
/// kind of JSON value (numbers, numeric text, booleans, null, missing, values a column cannot hold, a repeated name).
/// </summary>
public sealed class FeatureColumnsTests
{
    private static readonly Dictionary<string, ColumnKind> Schema = new(StringComparer.Ordinal)
    {
        ["n"] = ColumnKind.Numeric,
        ["b"] = ColumnKind.Boolean,
        ["d"] = ColumnKind.DateTime,
        ["c"] = ColumnKind.Categorical,
    };

    // Each row as sent, and the value each feature had as a dictionary entry before (LoggedRowTable's input).
    private static readonly (string Json, Dictionary<string, object?> Values)[] Rows =
    [
        ("""{"n":1.5,"b":true,"d":"2026-01-05T10:00:00+02:00","c":"red"}""",
            new() { ["n"] = 1.5, ["b"] = true, ["d"] = "2026-01-05T10:00:00+02:00", ["c"] = "red" }),
        ("""{"n":"2.25","b":"false","d":"2026-01-05T10:00:00","c":3.5}""",
            new() { ["n"] = "2.25", ["b"] = "false", ["d"] = "2026-01-05T10:00:00", ["c"] = 3.5 }),
        ("""{"n":null,"b":null,"d":null,"c":false}""",
            new() { ["n"] = null, ["b"] = null, ["d"] = null, ["c"] = false }),
        ("""{"c":true,"n":7,"n":8}""", // lenient: missing features, a repeated name (the last wins)
            new() { ["c"] = true, ["n"] = 8.0 }),
        ("""{"n":"seven","b":3,"d":4,"c":null}""", // lenient: values the columns cannot hold are missing
            new() { ["n"] = null, ["b"] = null, ["d"] = null, ["c"] = null }),
        ("""{"n":1e999,"b":false,"d":"not a date","c":-1e999}""", // beyond double: ±Infinity
            new() { ["n"] = double.PositiveInfinity, ["b"] = false, ["d"] = null, ["c"] = double.NegativeInfinity }),
    ];

    [Fact]
    public void The_table_to_score_is_the_one_LoggedRowTable_makes_of_the_same_values()
    {
        var body = "[" + string.Join(",", Rows.Select((r, i) => $$"""{"id":"r{{i}}","features":{{r.Json}}}""")) + "]";
        var batch = new PredictionBatchReader(new FeatureSchema(Schema), lenient: true)
            .Read(Encoding.UTF8.GetBytes(body), scoring: true, DateTimeOffset.UnixEpoch, 100);
        var read = batch.Values!.ToTable();

        var expected = LoggedRowTable.ToTable(
            Rows.Select((r, i) => new LoggedRow($"r{i}", DateTimeOffset.UnixEpoch, r.Values, "", null, null, null)).ToList(), Schema);
        Assert.Equal(expected.ColumnNames, read.ColumnNames);
        Assert.Equal(Rows.Length, read.RowCount);
        foreach (var column in expected.Columns)
        {
            Assert.Equal(column.Kind, read[column.Name].Kind);
            for (var i = 0; i < Rows.Length; i++)
            {
                Assert.True(column.FormatCell(i) == read[column.Name].FormatCell(i),
                    $"row {i}, column {column.Name}: expected {column.FormatCell(i) ?? "(missing)"}, read {read[column.Name].FormatCell(i) ?? "(missing)"}");
            }
        }
    }

    [Fact]
    public void A_row_begun_again_starts_with_every_cell_missing()
    {
        var columns = new FeatureColumns(new FeatureSchema(Schema));
        columns.BeginRow();
        columns.SetNumber(0, 1);
        columns.SetFlag(1, true);
        columns.BeginRow(); // the row above was not kept: begun again, every cell missing
        columns.SetText(3, "y");
        columns.KeepRow();
        var table = columns.ToTable();
        Assert.Equal(1, table.RowCount);
        Assert.Null(table["n"].FormatCell(0));
        Assert.Null(table["b"].FormatCell(0));
        Assert.Equal("y", table["c"].FormatCell(0));
    }
}
