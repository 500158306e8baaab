using System.Globalization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Tests.Store;

public class PredictionLogTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    internal static PredictionRecord Row(int i, string? id = null) => new(
        id ?? "r" + i.ToString(CultureInfo.InvariantCulture),
        T0.AddMinutes(i),
        new Dictionary<string, object?> { ["age"] = 20 + i, ["city"] = i % 2 == 0 ? "Oslo" : "Rome", ["vip"] = i % 3 == 0, ["x"] = null },
        i % 2 == 0 ? "yes" : "no",
        0.5 + (i / 100.0),
        1);

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void PredictionsRoundTripAndDuplicatesAreCounted(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var result = store.LogPredictions("m", [Row(0), Row(1), Row(1), Row(2)]);
        Assert.Equal(new IngestResult(3, 1, 0), result);
        Assert.Equal(new IngestResult(1, 2, 0), store.LogPredictions("m", [Row(0), Row(2), Row(3)]));

        var rows = store.ReadWindow("m", WindowSpec.All);
        Assert.Equal(["r0", "r1", "r2", "r3"], rows.Select(r => r.Id));
        var r1 = rows[1];
        Assert.Equal(T0.AddMinutes(1), r1.Timestamp);
        Assert.Equal(21.0, r1.Features["age"]);
        Assert.Equal("Rome", r1.Features["city"]);
        Assert.Equal(false, r1.Features["vip"]);
        Assert.Null(r1.Features["x"]);
        Assert.Equal(("no", 0.51, 1), (r1.Prediction, r1.Score!.Value, r1.ModelVersion!.Value));
        Assert.Null(r1.Label);
        Assert.Empty(store.ReadWindow("other", WindowSpec.All));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void LabelsJoinNowOrLaterAndTheFirstLabelWins(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogPredictions("m", [Row(0), Row(1)]);
        var observed = T0.AddDays(1);
        var labels = store.LogLabels("m",
        [
            new LabelRecord("r0", "yes", observed),
            new LabelRecord("r0", "no", null),      // duplicate in batch: first wins
            new LabelRecord("late", "no", null),    // prediction not here yet
            new LabelRecord("late", "yes", null),   // duplicate of a pending label
        ]);
        Assert.Equal(new LabelResult(1, 1, 2), labels);
        Assert.Equal(new LabelResult(0, 0, 1), store.LogLabels("m", [new LabelRecord("r0", "no", null)]));
        Assert.Equal(1, store.CountPendingLabels("m"));

        var ingest = store.LogPredictions("m", [Row(5, "late")]);
        Assert.Equal(new IngestResult(1, 0, 1), ingest);
        Assert.Equal(0, store.CountPendingLabels("m"));

        var labelled = store.ReadWindow("m", new WindowSpec { LabelledOnly = true });
        Assert.Equal([("r0", "yes"), ("late", "no")], labelled.Select(r => (r.Id, r.Label!)));
        Assert.Equal(observed, labelled[0].LabelObservedAt);
        Assert.Equal(2, store.CountPredictions("m", labelledOnly: true));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void CountLabelledSinceUsesLabelArrivalTime(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        store.LogPredictions("m", [Row(0), Row(1), Row(2)]);
        store.LogLabels("m", [new LabelRecord("r0", "yes", null)]);
        temp.Clock.Advance(TimeSpan.FromHours(2));
        var cut = temp.Clock.GetUtcNow();
        store.LogLabels("m", [new LabelRecord("r1", "no", null), new LabelRecord("r9", "no", null)]);
        Assert.Equal(1, store.CountLabelledSince("m", cut));
        temp.Clock.Advance(TimeSpan.FromHours(1));
        store.LogPredictions("m", [Row(9)]); // joins the pending label, which arrived at `cut`
        Assert.Equal(2, store.CountLabelledSince("m", cut));
        Assert.Equal(3, store.CountLabelledSince("m", cut.AddHours(-5)));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void RowsAfterAPositionAreCountedFromWhereTheLastCountStopped(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        Assert.Equal(new RowsAfterPosition(0, 0), store.CountPredictionsAfter("m", 0));
        store.LogPredictions("m", [Row(0), Row(1), Row(2)]);
        store.LogPredictions("other", [Row(0), Row(1)]);
        var first = store.CountPredictionsAfter("m", 0);
        Assert.Equal(3, first.Rows);

        // Rows of both models, a duplicate, and rows logged out of time order: only new rows of "m" count.
        store.LogPredictions("m", [Row(2), Row(9), Row(-5)]);
        store.LogPredictions("other", [Row(7)]);
        var second = store.CountPredictionsAfter("m", first.Through);
        Assert.Equal(2, second.Rows);
        Assert.True(second.Through > first.Through);
        Assert.Equal(new RowsAfterPosition(0, second.Through), store.CountPredictionsAfter("m", second.Through));
        Assert.Equal(5, store.CountPredictionsAfter("m", 0).Rows);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void WindowsSelectByHalfOpenTimeRangeAndByCount(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        // Logged out of time order on purpose: windows order by timestamp.
        store.LogPredictions("m", [Row(5), Row(1), Row(3), Row(0), Row(4), Row(2)]);
        store.LogLabels("m", [new LabelRecord("r1", "no", null), new LabelRecord("r4", "yes", null)]);

        var range = store.ReadWindow("m", WindowSpec.Between(T0.AddMinutes(1), T0.AddMinutes(4)));
        Assert.Equal(["r1", "r2", "r3"], range.Select(r => r.Id));
        Assert.Equal(["r3", "r4", "r5"], store.ReadWindow("m", WindowSpec.LastRows(3)).Select(r => r.Id));
        Assert.Equal(["r4"], store.ReadWindow("m", WindowSpec.LastRows(1) with { LabelledOnly = true }).Select(r => r.Id));
        Assert.Equal(["r2", "r3"], store.ReadWindow("m", WindowSpec.Between(T0, T0.AddMinutes(4)) with { Last = 2 }).Select(r => r.Id));
        Assert.Equal(["r1", "r4"], store.ReadWindow("m", new WindowSpec { LabelledOnly = true }).Select(r => r.Id));
        Assert.Equal(3, store.CountPredictions("m", T0.AddMinutes(3)));
        Assert.Throws<WorkspaceInputException>(() => store.ReadWindow("m", WindowSpec.LastRows(0)));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void LargeBatchesKeepOrderDuplicatesAndNonAsciiTextAcrossStatementBoundaries(string backend)
    {
        // 150 rows span two full multi-row statements and a shorter one; duplicates sit inside one statement,
        // across a statement boundary, and in a second batch. Text outside ASCII must round-trip byte for byte.
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var rows = new List<PredictionRecord>();
        for (var i = 0; i < 150; i++)
        {
            var id = i % 3 == 0 ? "zürich-東京-" + i.ToString(CultureInfo.InvariantCulture) : "r" + i.ToString(CultureInfo.InvariantCulture);
            rows.Add(new PredictionRecord(id, T0.AddSeconds(i),
                new Dictionary<string, object?> { ["city"] = i % 2 == 0 ? "São Paulo 🌧" : "Oslo", ["n"] = i },
                i % 2 == 0 ? "ja✓" : "nein", i % 5 == 0 ? null : i / 150.0, i % 7 == 0 ? null : 2));
        }

        var batch = new List<PredictionRecord>(rows);
        batch.Insert(10, rows[3] with { Prediction = "second" });   // same statement as the first r3
        batch.Insert(70, rows[60] with { Prediction = "second" });  // the first is in the statement before
        batch.Add(rows[149] with { Prediction = "second" });
        Assert.Equal(new IngestResult(150, 3, 0), store.LogPredictions("m", batch));
        Assert.Equal(new IngestResult(2, 2, 0), store.LogPredictions("m",
        [
            rows[0] with { Prediction = "second" },
            Row(500),
            rows[120] with { Prediction = "second" },
            Row(501, "ü-" + new string('x', 5000)),
        ]));

        var stored = store.ReadWindow("m", WindowSpec.All);
        Assert.Equal(152, stored.Count);
        for (var i = 0; i < 150; i++)
        {
            var (expected, actual) = (rows[i], stored[i]);
            Assert.Equal(expected.Id, actual.Id);
            Assert.Equal(expected.Timestamp, actual.Timestamp);
            Assert.Equal(expected.Prediction, actual.Prediction);
            Assert.Equal(expected.Score, actual.Score);
            Assert.Equal(expected.ModelVersion, actual.ModelVersion);
            Assert.Equal(expected.Features!["city"], actual.Features["city"]);
            Assert.Equal((double)i, actual.Features["n"]);
        }

        Assert.Equal("ü-" + new string('x', 5000), stored[151].Id);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void BadFeatureValueRejectsTheWholeBatch(string backend)
    {
        using var temp = TempStore.Open(backend);
        var bad = Row(1) with { Features = new Dictionary<string, object?> { ["blob"] = new object() } };
        var error = Assert.Throws<WorkspaceInputException>(() => temp.Store.LogPredictions("m", [Row(0), bad]));
        Assert.Contains("blob", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, temp.Store.CountPredictions("m"));
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void ToTableBuildsTypedColumnsWithMissingCellsAndLabel(string backend)
    {
        using var temp = TempStore.Open(backend);
        var store = temp.Store;
        var odd = Row(2) with
        {
            Features = new Dictionary<string, object?> { ["age"] = double.NaN, ["city"] = null, ["inf"] = double.PositiveInfinity },
        };
        store.LogPredictions("m", [Row(0), Row(1), odd]);
        store.LogLabels("m", [new LabelRecord("r1", "1", null)]);
        var rows = store.ReadWindow("m", WindowSpec.All);

        var inferred = LoggedRowTable.ToTable(rows, labelColumn: "label");
        Assert.Equal(["age", "city", "vip", "x", "inf", "label"], inferred.ColumnNames);
        var age = Assert.IsType<NumericColumn>(inferred["age"]);
        Assert.Equal([20.0, 21.0], age.Values[..2].ToArray());
        Assert.True(age.IsMissing(2));
        var city = Assert.IsType<CategoricalColumn>(inferred["city"]);
        Assert.Equal(new string?[] { "Oslo", "Rome", null }, new[] { city[0], city[1], city[2] });
        Assert.IsType<BooleanColumn>(inferred["vip"]);
        Assert.Equal(3, inferred["x"].MissingCount);
        Assert.Equal(new string?[] { null, "1", null }, new[] { inferred["label"].FormatCell(0), inferred["label"].FormatCell(1), inferred["label"].FormatCell(2) });

        var schema = new Dictionary<string, ColumnKind> { ["inf"] = ColumnKind.Numeric, ["age"] = ColumnKind.Categorical, ["label"] = ColumnKind.Numeric };
        var typed = LoggedRowTable.ToTable(rows, schema, "label");
        Assert.Equal(["inf", "age", "label"], typed.ColumnNames);
        Assert.Equal(double.PositiveInfinity, ((NumericColumn)typed["inf"])[2]);
        Assert.Equal("20", ((CategoricalColumn)typed["age"])[0]);
        Assert.Equal(1.0, ((NumericColumn)typed["label"])[1]);
    }

    [Fact]
    public void LoggedDatesKeepTheirWallClockOrBecomeUtc()
    {
        // The CSV reader keeps a time without an offset as written and turns one with an offset into UTC; logged rows
        // must do the same, whatever the server's time zone, or the model would see other hours in serving.
        LoggedRow Logged(string id, string when) =>
            new(id, DateTimeOffset.UnixEpoch, new Dictionary<string, object?> { ["when"] = when }, "0", null, null, null);
        var table = LoggedRowTable.ToTable(
            [Logged("a", "2024-01-31T10:00:00"), Logged("b", "2024-01-31T10:00:00+02:00"), Logged("c", "2024-01-31")],
            new Dictionary<string, ColumnKind> { ["when"] = ColumnKind.DateTime });
        var when = Assert.IsType<DateTimeColumn>(table["when"]);
        Assert.Equal(10, when[0]!.Value.Hour);
        Assert.Equal(8, when[1]!.Value.Hour);
        Assert.Equal(new DateTime(2024, 1, 31), when[2]!.Value.Date);
        Assert.Equal(0, when[2]!.Value.Hour);
    }

    [SkippableTheory]
    [MemberData(nameof(StoreBackends.All), MemberType = typeof(StoreBackends))]
    public void BatchesOfTenThousandRowsWithTwentyFeaturesAreStoredWhole(string backend)
    {
        // Inserts per second are measured by `bench/Vigil.Bench store-throughput` (docs/benchmarks.md); here, that
        // large batches of wide rows are stored whole, each row with its features. 20 numeric+categorical features per row.
        const int count = 20_000;
        var rows = new PredictionRecord[count];
        for (var i = 0; i < count; i++)
        {
            var features = new Dictionary<string, object?>(20);
            for (var f = 0; f < 20; f++)
            {
                features["f" + f.ToString(CultureInfo.InvariantCulture)] = f % 4 == 0 ? (f % 8 == 0 ? "a" : "b") : i * 0.001 + f;
            }

            rows[i] = new PredictionRecord("id" + i.ToString(CultureInfo.InvariantCulture), T0.AddSeconds(i), features, "yes", 0.7, 1);
        }

        using var temp = TempStore.Open(backend);
        for (var start = 0; start < count; start += 10_000)
        {
            Assert.Equal(10_000, temp.Store.LogPredictions("m", rows[start..(start + 10_000)]).Inserted);
        }

        Assert.Equal(count, temp.Store.CountPredictions("m"));
        var stored = temp.Store.ReadWindow("m", WindowSpec.All);
        Assert.Equal(rows.Select(r => r.Id), stored.Select(r => r.Id));
        Assert.Equal(rows[^1].Features, stored[^1].Features);
    }
}
