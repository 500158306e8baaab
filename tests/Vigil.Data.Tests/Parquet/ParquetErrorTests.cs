using ParquetSharp;
using Vigil.Data.Files;
using Vigil.Data.Parquet;
using Vigil.Data.Tables;
using Column = ParquetSharp.Column;

namespace Vigil.Data.Tests.Parquet;

/// <summary>
/// Bad Parquet input (#16 item 7): every problem is one <see cref="ParquetFormatException"/> line naming the file and,
/// where it applies, the column and row; never the Parquet library's own exception.
/// </summary>
public sealed class ParquetErrorTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vigil-parquet-bad-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private string Good(string name = "good.parquet")
    {
        var path = PathOf(name);
        IndependentParquet.WriteColumns(path, rowGroups: 3,
            (new Column<double?>("x"), Enumerable.Range(0, 3000).Select(i => i % 10 == 0 ? (double?)null : Math.Cos(i)).ToArray()),
            (new Column<string>("s"), Enumerable.Range(0, 3000).Select(i => "k" + (i % 17)).ToArray()));
        return path;
    }

    private static ParquetFormatException Refused(string path)
    {
        var error = Assert.Throws<ParquetFormatException>(() => TableFile.Read(path));
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void AFileStatingMoreCellsThanTheLimit_IsRefusedBeforeItsColumnsAreAllocated()
    {
        // Two million nulls compress to a few kilobytes, but the footer's row count sizes the arrays.
        var path = PathOf("many-rows.parquet");
        IndependentParquet.WriteColumns(path, (new Column<double?>("x"), new double?[2_000_000]), (new Column<int>("k"), new int[2_000_000]));
        Assert.InRange(new FileInfo(path).Length, 1, 200_000);
        var limited = new Vigil.Data.Csv.CsvReadOptions { MaxCells = 3_000_000 };

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ParquetFormatException>(() => TableFile.Read(path, limited));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal($"{path}: expected at most 3,000,000 cells (rows × columns read), found 2,000,000 rows × 2 columns stated by its footer.", error.Message);
        Assert.InRange(allocated, 0, 4L << 20); // two 2M-row columns would be 24 MB
        Assert.Equal(2_000_000, TableFile.Read(path, limited with { Columns = ["x"] }).RowCount); // only the columns read count
        Assert.Equal(2_000_000, TableFile.Read(path).RowCount); // no limit by default
    }

    [Fact]
    public void AListColumnIsRefusedNamingFileAndColumn()
    {
        var path = PathOf("list.parquet");
        IndependentParquet.WriteColumns(path, (new Column<int>("id"), new[] { 1, 2 }), (new Column<int[]>("tags"), new[] { new[] { 1 }, new[] { 2, 3 } }));
        var error = Refused(path);
        Assert.Equal("tags", error.ColumnName);
        Assert.Equal($"{path}, column 'tags': expected {ParquetColumnKinds.Supported}, found a list (nested data; flatten it or leave the column out).", error.Message);
    }

    [Fact]
    public async Task StructAndMapColumnsAreRefusedNamingTheColumn()
    {
        // ParquetSharp's column API writes no structs or maps; Parquet.Net's serializer does.
        var path = PathOf("nested.parquet");
        await global::Parquet.Serialization.ParquetSerializer.SerializeAsync(
            new[] { new WithStruct { Id = 1, Address = new Address { City = "Oslo" } } }, path);
        Assert.Contains("column 'Address': expected a flat column", Refused(path).Message, StringComparison.Ordinal);

        var mapPath = PathOf("map.parquet");
        await global::Parquet.Serialization.ParquetSerializer.SerializeAsync(
            new[] { new WithMap { Id = 1, Tags = new Dictionary<string, int> { ["a"] = 1 } } }, mapPath);
        Assert.Contains("column 'Tags': expected a flat column of integers, floats, decimals, strings, booleans, dates or timestamps, found a map", Refused(mapPath).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryThatIsNotUtf8IsRefusedNamingTheRow()
    {
        var path = PathOf("binary.parquet");
        IndependentParquet.WriteColumns(path, (new Column<byte[]>("blob"), new[] { "ok"u8.ToArray(), new byte[] { 0xFF, 0xFE, 0x00 }, "x"u8.ToArray() }));
        var error = Refused(path);
        Assert.Equal(2, error.Row);
        Assert.Equal($"{path}, row 2, column 'blob': expected text (a binary column is read when it holds UTF-8 text), found 3 bytes that are not UTF-8 (binary data is not supported).", error.Message);
    }

    [Fact]
    public void BinaryThatIsUtf8TextIsReadAsText()
    {
        var path = PathOf("utf8-binary.parquet");
        IndependentParquet.WriteColumns(path, (new Column<byte[]>("name"), new[] { "Zoë"u8.ToArray(), null!, "東京"u8.ToArray() }));
        var column = Assert.IsType<CategoricalColumn>(TableFile.Read(path)["name"]);
        Assert.Equal((IEnumerable<string?>)["Zoë", null, "東京"], [column[0], column[1], column[2]]);
    }

    [Fact]
    public void ATimeOfDayColumnIsRefusedWithAWayOut()
    {
        var path = PathOf("time.parquet");
        IndependentParquet.WriteColumns(path, (new Column<TimeSpan>("opens"), new[] { TimeSpan.FromHours(9), TimeSpan.FromHours(10) }));
        Assert.Contains("column 'opens': expected a flat column of integers, floats, decimals, strings, booleans, dates or timestamps, found a time of day",
            Refused(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LegacyInt96TimestampsAreReadAsDateTimes()
    {
        // Spark and Impala wrote timestamps as INT96 for years; such files are common in data lakes.
        var path = PathOf("int96.parquet");
        var when = new DateTime(2021, 6, 1, 13, 45, 30);
        IndependentParquet.WriteColumns(path, (new Column<Int96>("ts"), new[] { ToInt96(when), ToInt96(when.AddDays(1)) }));
        var column = Assert.IsType<DateTimeColumn>(TableFile.Read(path)["ts"]);
        Assert.Equal([when, when.AddDays(1)], column.Values.ToArray().Select(v => v!.Value));
        Assert.Equal(DateTimeKind.Unspecified, column[0]!.Value.Kind);
    }

    [Fact]
    public void AnEmptyFileIsRefused() =>
        Assert.Equal($"{Write("empty.parquet", [])}: expected a Parquet file, found an empty file.", Refused(PathOf("empty.parquet")).Message);

    [Fact]
    public void ACsvFileNamedParquetIsRefusedSayingWhatItLooksLike()
    {
        var path = Write("text.parquet", "id,x\n1,2\n"u8.ToArray());
        Assert.Equal($"{path}: expected a Parquet file (it starts and ends with the marker PAR1), found text starting 'id,x' (a CSV file? name it .csv).", Refused(path).Message);
    }

    [Fact]
    public void AParquetFileNamedCsvIsRefusedSayingWhatItIs()
    {
        var csvName = PathOf("really-parquet.csv");
        File.Copy(Good(), csvName);
        var error = Assert.Throws<TableFileException>(() => TableFile.Read(csvName));
        Assert.Equal($"{csvName}: expected CSV text, found a Parquet file (it starts with PAR1); give it the extension .parquet.", error.Message);
    }

    [Fact]
    public void ATruncatedFileIsRefused()
    {
        var bytes = File.ReadAllBytes(Good());
        var path = Write("truncated.parquet", bytes[..(bytes.Length / 2)]);
        Assert.Contains("expected the marker PAR1 at the end of the file, found other bytes (the file is truncated", Refused(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFooterLengthBeyondTheFileIsRefused()
    {
        var bytes = File.ReadAllBytes(Good());
        BitConverter.TryWriteBytes(bytes.AsSpan(bytes.Length - 8, 4), bytes.Length * 2);
        var path = Write("long-footer.parquet", bytes);
        Assert.Contains("expected a footer length within the file's", Refused(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACorruptFooterIsRefusedAsADamagedFooter()
    {
        var bytes = File.ReadAllBytes(Good());
        var footer = BitConverter.ToInt32(bytes.AsSpan(bytes.Length - 8, 4));
        var start = bytes.Length - 8 - footer;
        for (var i = start; i < start + footer; i += 3)
        {
            bytes[i] = 0xFF;
        }

        var path = Write("bad-footer.parquet", bytes);
        var error = Refused(path);
        Assert.Contains("expected a readable Parquet footer (the file's schema and row groups), found a damaged footer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyDamageGivesATableOrOneLineParquetError()
    {
        // Flip bytes all over a valid file (pages, dictionaries, footer): the reader answers with a table or its one
        // documented error, never the library's own exception types or a crash.
        var original = File.ReadAllBytes(Good());
        var random = new Random(16);
        var outcomes = new Dictionary<string, int>();
        for (var trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])original.Clone();
            var flips = 1 + random.Next(4);
            for (var f = 0; f < flips; f++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            var path = Write("fuzz.parquet", bytes);
            try
            {
                var table = TableFile.Read(path);
                Assert.True(table.RowCount > 0);
                outcomes["table"] = outcomes.GetValueOrDefault("table") + 1;
            }
            catch (ParquetFormatException e)
            {
                Assert.DoesNotContain('\n', e.Message);
                outcomes["error"] = outcomes.GetValueOrDefault("error") + 1;
            }
        }

        Assert.True(outcomes.GetValueOrDefault("error") > 0, "no damage was detected: the test flips nothing that matters");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public sealed class Address
    {
        public string? City { get; set; }
    }

    public sealed class WithStruct
    {
        public int Id { get; set; }

        public Address? Address { get; set; }
    }

    public sealed class WithMap
    {
        public int Id { get; set; }

        public Dictionary<string, int>? Tags { get; set; }
    }

    // INT96: nanoseconds of the day, then the Julian day number (the Impala/Spark layout).
    private static Int96 ToInt96(DateTime value)
    {
        var julianDay = (int)(value.Date - new DateTime(1970, 1, 1)).TotalDays + 2440588;
        var nanos = value.TimeOfDay.Ticks * 100;
        return new Int96((int)(nanos & 0xFFFFFFFF), (int)(nanos >> 32), julianDay);
    }
}
