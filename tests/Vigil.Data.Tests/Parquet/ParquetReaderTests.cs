using ParquetSharp;
using Vigil.Data.Csv;
using Vigil.Data.Files;
using Vigil.Data.Parquet;
using Vigil.Data.Tables;
using Column = ParquetSharp.Column;

namespace Vigil.Data.Tests.Parquet;

/// <summary>
/// The Parquet reader against files written by an independent writer (ParquetSharp: Apache Arrow's C++ library), as
/// pyarrow, Spark or DuckDB users produce them.
/// </summary>
public sealed class ParquetReaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vigil-parquet-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    [Fact]
    public void KindsComeFromTheParquetSchema()
    {
        var path = PathOf("kinds.parquet");
        IndependentParquet.WriteColumns(path,
            (new Column<int?>("i32"), new int?[] { 1, null, -3 }),
            (new Column<long>("i64"), new long[] { 1L << 40, 0, -7 }),
            (new Column<float?>("f32"), new float?[] { 0.1f, null, float.PositiveInfinity }),
            (new Column<double>("f64"), new[] { 0.5, -1e-300, 2.25 }),
            (new Column<decimal?>("dec", LogicalType.Decimal(precision: 10, scale: 2)), new decimal?[] { 12.34m, null, -0.05m }),
            (new Column<string>("s"), new[] { "b", null, "a" }),
            (new Column<bool?>("flag"), new bool?[] { true, false, null }),
            (new Column<Date?>("day"), new Date?[] { new Date(2024, 1, 31), null, new Date(1999, 12, 31) }),
            (new Column<DateTime?>("utc", LogicalType.Timestamp(isAdjustedToUtc: true, timeUnit: TimeUnit.Micros)),
                new DateTime?[] { new DateTime(2024, 1, 31, 12, 30, 0, DateTimeKind.Utc), null, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) }),
            (new Column<DateTime?>("local", LogicalType.Timestamp(isAdjustedToUtc: false, timeUnit: TimeUnit.Millis)),
                new DateTime?[] { new DateTime(2024, 1, 31, 12, 30, 0), new DateTime(2024, 2, 1, 8, 0, 0), null }));

        var table = ParquetTableReader.Read(path);

        Assert.Equal(["i32", "i64", "f32", "f64", "dec", "s", "flag", "day", "utc", "local"], table.ColumnNames);
        Assert.Equal([1, double.NaN, -3], Numbers(table, "i32"));
        Assert.Equal([1L << 40, 0, -7], Numbers(table, "i64"));
        Assert.Equal([0.1, double.NaN, double.PositiveInfinity], Numbers(table, "f32")); // 0.1f reads as 0.1, as its CSV would
        Assert.Equal([0.5, -1e-300, 2.25], Numbers(table, "f64"));
        Assert.Equal([12.34, double.NaN, -0.05], Numbers(table, "dec"));
        var s = Assert.IsType<CategoricalColumn>(table["s"]);
        Assert.Equal((IEnumerable<string?>)["b", null, "a"], [s[0], s[1], s[2]]);
        Assert.Equal(["b", "a"], s.Categories); // first seen first, as the CSV reader orders them
        Assert.Equal([true, false, null], Assert.IsType<BooleanColumn>(table["flag"]).Values.ToArray());
        var day = Assert.IsType<DateTimeColumn>(table["day"]);
        Assert.Equal([new DateTime(2024, 1, 31), null, new DateTime(1999, 12, 31)], day.Values.ToArray());
        Assert.Equal(DateTimeKind.Unspecified, day[0]!.Value.Kind); // a date, like CSV "2024-01-31"
        var utc = Assert.IsType<DateTimeColumn>(table["utc"]);
        Assert.Equal(new DateTime(2024, 1, 31, 12, 30, 0, DateTimeKind.Utc), utc[0]);
        Assert.Equal(DateTimeKind.Utc, utc[0]!.Value.Kind); // adjusted to UTC, like CSV "…Z"
        var local = Assert.IsType<DateTimeColumn>(table["local"]);
        Assert.Equal(new DateTime(2024, 2, 1, 8, 0, 0), local[1]);
        Assert.Equal(DateTimeKind.Unspecified, local[1]!.Value.Kind); // wall clock kept, like CSV without a zone
        Assert.True(local.IsMissing(2));
    }

    [Fact]
    public void NarrowAndUnsignedIntegersWideDecimalsJsonUuidAndNanosecondTimestampsAreRead()
    {
        var path = PathOf("more.parquet");
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        IndependentParquet.WriteColumns(path,
            (new Column<sbyte>("i8"), new sbyte[] { -128, 127 }),
            (new Column<short?>("i16"), new short?[] { null, -32768 }),
            (new Column<uint>("u32"), new uint[] { uint.MaxValue, 0 }),
            (new Column<ulong>("u64"), new ulong[] { 1UL << 63, 1 }),
            (new Column<decimal>("wide", LogicalType.Decimal(precision: 20, scale: 4)), new[] { 1234567890123456.7891m, -0.0001m }),
            (new Column<string>("doc", LogicalType.Json()), new[] { "{\"a\":1}", "[]" }),
            (new Column<Guid?>("uuid"), new Guid?[] { id, null }),
            (new Column<DateTimeNanos>("nanos", LogicalType.Timestamp(isAdjustedToUtc: true, timeUnit: TimeUnit.Nanos)),
                new[] { new DateTimeNanos(new DateTime(2024, 5, 6, 7, 8, 9, 123)), new DateTimeNanos(new DateTime(2200, 1, 1)) }));

        var table = ParquetTableReader.Read(path);
        Assert.Equal([-128, 127], Numbers(table, "i8"));
        Assert.Equal([double.NaN, -32768], Numbers(table, "i16"));
        Assert.Equal([uint.MaxValue, 0], Numbers(table, "u32"));
        Assert.Equal([Math.Pow(2, 63), 1], Numbers(table, "u64"));
        Assert.Equal([1234567890123456.7891, -0.0001], Numbers(table, "wide"));
        Assert.Equal("{\"a\":1}", Assert.IsType<CategoricalColumn>(table["doc"])[0]);
        var uuid = Assert.IsType<CategoricalColumn>(table["uuid"]);
        Assert.Equal(id.ToString("D"), uuid[0]);
        Assert.True(uuid.IsMissing(1));
        var nanos = Assert.IsType<DateTimeColumn>(table["nanos"]);
        Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc), nanos[0]);
        Assert.Equal(DateTimeKind.Utc, nanos[1]!.Value.Kind);
    }

    [Fact]
    public void DictionaryEncodedStringsAcrossSeveralRowGroupsKeepTheRowsOrder()
    {
        // Five row groups, each with its own dictionary page; the categories must come out in the order rows show them.
        var values = Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? null : $"shop-{(i * 37) % 11}").ToArray();
        var path = PathOf("dictionary.parquet");
        IndependentParquet.WriteColumns(path, rowGroups: 5, (new Column<string>("shop"), values), (new Column<int>("n"), Enumerable.Range(0, 5000).ToArray()));
        Assert.Contains("RLE_DICTIONARY", Encodings(path));

        var table = ParquetTableReader.Read(path);
        var shop = Assert.IsType<CategoricalColumn>(table["shop"]);
        Assert.Equal(values, Enumerable.Range(0, shop.Length).Select(r => shop[r]));
        Assert.Equal(values.Where(v => v is not null).Distinct(), shop.Categories);
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => (double)i), Numbers(table, "n"));
    }

    [Fact]
    public void AFileWrittenFromACsvTableReadsBackAsTheSameTable()
    {
        // The promise behind "the same tables from CSV and Parquet give the same results": a CSV file's table written
        // by Arrow (several row groups, nulls) is read back with the same names, kinds, categories and cells.
        var csv = PathOf("mixed.csv");
        File.WriteAllText(csv, string.Join('\n',
            ["id,x,city,when,stamp", .. Enumerable.Range(0, 300).Select(i =>
                $"{i},{(i % 13 == 0 ? "" : (i * 0.37).ToString("R", System.Globalization.CultureInfo.InvariantCulture))},{(i % 17 == 0 ? "NA" : "c" + (i % 5))}," +
                $"2024-01-{1 + (i % 28):00},2024-03-01T{i % 24:00}:15:00Z")]) + "\n");
        var expected = CsvTableReader.Read(csv);
        Assert.Equal([ColumnKind.Numeric, ColumnKind.Numeric, ColumnKind.Categorical, ColumnKind.DateTime, ColumnKind.DateTime], expected.Columns.Select(c => c.Kind));
        var parquet = PathOf("mixed.parquet");
        IndependentParquet.Write(expected, parquet, rowGroupRows: 64);

        var actual = TableFile.Read(parquet);
        TableAssert.Identical(expected, actual);
        Assert.Equal(((CategoricalColumn)expected["city"]).Categories, ((CategoricalColumn)actual["city"]).Categories);
        Assert.Equal(DateTimeKind.Utc, ((DateTimeColumn)actual["stamp"])[0]!.Value.Kind);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTimeColumn)actual["when"])[0]!.Value.Kind);
    }

    [Fact]
    public void ColumnsReadsOnlyTheNamedColumnsAndSkipsUnsupportedOnes()
    {
        var path = PathOf("subset.parquet");
        IndependentParquet.WriteColumns(path,
            (new Column<int>("a"), new[] { 1, 2 }),
            (new Column<int[]>("tags"), new[] { new[] { 1 }, new[] { 2, 3 } }),
            (new Column<string>("b"), new[] { "x", "y" }));

        var table = ParquetTableReader.Read(path, new CsvReadOptions { Columns = ["b", "a"] });
        Assert.Equal(["a", "b"], table.ColumnNames); // the file's order, as the CSV reader does

        var error = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path, new CsvReadOptions { Columns = ["a", "zzz"] }));
        Assert.Equal($"{path}: expected a column named 'zzz' (requested in Columns), found only 'a', 'tags', 'b'.", error.Message);
    }

    [Fact]
    public void AnExplicitSchemaConvertsThroughTheTextAsTheCsvReaderWould()
    {
        var path = PathOf("schema.parquet");
        IndependentParquet.WriteColumns(path,
            (new Column<long>("code"), new long[] { 1, 2, 1 }),
            (new Column<string>("amount"), new[] { "1.5", "NA", "-inf" }),
            (new Column<string>("flag"), new[] { "yes", "0", null }),
            (new Column<string>("day"), new[] { "2024-01-31", "2024-02-01T10:00:00Z", "" }));
        var schema = new Dictionary<string, ColumnKind>
        {
            ["code"] = ColumnKind.Categorical, ["amount"] = ColumnKind.Numeric, ["flag"] = ColumnKind.Boolean, ["day"] = ColumnKind.DateTime,
        };

        var table = ParquetTableReader.Read(path, new CsvReadOptions { Schema = schema });
        Assert.Equal(["1", "2"], ((CategoricalColumn)table["code"]).Categories);
        Assert.Equal([1.5, double.NaN, double.NegativeInfinity], Numbers(table, "amount"));
        Assert.Equal([true, false, null], ((BooleanColumn)table["flag"]).Values.ToArray());
        Assert.Equal([new DateTime(2024, 1, 31), new DateTime(2024, 2, 1, 10, 0, 0, DateTimeKind.Utc), null], ((DateTimeColumn)table["day"]).Values.ToArray());

        var bad = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path,
            new CsvReadOptions { Schema = new Dictionary<string, ColumnKind> { ["flag"] = ColumnKind.Numeric } }));
        Assert.Equal($"{path}, row 1, column 'flag': expected a number (explicit schema says numeric), found 'yes' (a string column in the file).", bad.Message);
        Assert.Equal(1, bad.Row);
    }

    [Fact]
    public void TheLocatedTableNamesRowsNotLines()
    {
        var path = PathOf("located.parquet");
        IndependentParquet.WriteColumns(path, (new Column<string>("y"), new[] { "a", null, "b" }));
        var located = TableFile.ReadLocated(path);
        Assert.Equal(TableFileFormat.Parquet, located.Format);
        Assert.Equal([1, 2, 3], located.RowLines);
        var error = located.ValueError(1, "y", "a label on every training row", "a missing value");
        Assert.IsType<ParquetFormatException>(error);
        Assert.Equal($"{path}, row 2, column 'y': expected a label on every training row, found a missing value.", error.Message);
    }

    [Fact]
    public void TheFileIsReadOnce()
    {
        // Streaming: row groups are decoded one after the other and nothing is read twice, so the bytes read stay
        // within the file's size (plus the footer, which the library may read again when it opens the file).
        var path = PathOf("once.parquet");
        var n = 200_000;
        IndependentParquet.WriteColumns(path, rowGroups: 8,
            (new Column<double>("x"), Enumerable.Range(0, n).Select(i => Math.Sin(i)).ToArray()),
            (new Column<string>("s"), Enumerable.Range(0, n).Select(i => "v" + (i % 1000)).ToArray()));
        var length = new FileInfo(path).Length;
        using var counting = new CountingStream(File.OpenRead(path));
        var table = ParquetTableReader.ReadLocated(counting, path).Table;
        Assert.Equal(n, table.RowCount);
        Assert.True(counting.BytesRead < length * 1.1, $"read {counting.BytesRead} bytes of a {length}-byte file");
    }

    internal static double[] Numbers(Table table, string column) => Assert.IsType<NumericColumn>(table[column]).Values.ToArray();

    private static string Encodings(string path)
    {
        using var file = new ParquetFileReader(path);
        using var group = file.RowGroup(0);
        var encodings = string.Join(",", group.MetaData.GetColumnChunkMetaData(0).Encodings);
        file.Close();
        return encodings.ToUpperInvariant().Replace("RLEDICTIONARY", "RLE_DICTIONARY", StringComparison.Ordinal);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
