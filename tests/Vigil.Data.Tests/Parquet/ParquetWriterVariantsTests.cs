using ParquetSharp;
using Vigil.Data.Csv;
using Vigil.Data.Parquet;
using Vigil.Data.Tables;
using Column = ParquetSharp.Column;

namespace Vigil.Data.Tests.Parquet;

/// <summary>
/// Files as real writers make them — every codec, both data page versions, dictionary or not, each value encoding —
/// written by Apache Arrow's C++ library (ParquetSharp): each is read value for value as written, or refused with a
/// line that says what it is. Never read wrongly without a word.
/// </summary>
public sealed class ParquetWriterVariantsTests : IDisposable
{
    private const int Rows = 3000;
    private static readonly double?[] Doubles = Enumerable.Range(0, Rows).Select(i => i % 5 == 0 ? (double?)null : i * 0.25).ToArray();
    private static readonly long?[] Longs = Enumerable.Range(0, Rows).Select(i => i % 7 == 0 ? (long?)null : (long)i * 1000003).ToArray();
    private static readonly string?[] Strings = Enumerable.Range(0, Rows).Select(i => i % 3 == 0 ? null : "v" + (i % 50)).ToArray();
    private static readonly bool?[] Booleans = Enumerable.Range(0, Rows).Select(i => i % 4 == 0 ? (bool?)null : i % 3 == 0).ToArray();
    private static readonly bool[] RequiredBooleans = Enumerable.Range(0, Rows).Select(i => i % 3 == 0).ToArray();

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vigil-parquet-variants-");

    public void Dispose() => _dir.Delete(recursive: true);

    public static TheoryData<Compression, bool, bool> Codecs()
    {
        var data = new TheoryData<Compression, bool, bool>();
        foreach (var codec in new[] { Compression.Uncompressed, Compression.Snappy, Compression.Gzip, Compression.Brotli, Compression.Zstd, Compression.Lz4 })
        {
            foreach (var pageV2 in new[] { false, true })
            {
                foreach (var dictionary in new[] { false, true })
                {
                    data.Add(codec, pageV2, dictionary);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public void EveryCodecAndPageVersion_IsReadValueForValue(Compression codec, bool pageV2, bool dictionary)
    {
        var builder = new WriterPropertiesBuilder().Compression(codec);
        builder = dictionary ? builder.EnableDictionary() : builder.DisableDictionary();
        using var properties = (pageV2 ? builder.DataPageVersion(ParquetDataPageVersion.V2) : builder).Build();
        var path = Path.Combine(_dir.FullName, "codec.parquet");
        IndependentParquet.WriteColumns(path, properties, rowGroups: 3,
            (new Column<double?>("d"), Doubles), (new Column<long?>("l"), Longs), (new Column<string>("s"), Strings));

        var table = ParquetTableReader.Read(path);

        Assert.Equal(Doubles.Select(v => v ?? double.NaN), ((NumericColumn)table["d"]).Values.ToArray());
        Assert.Equal(Longs.Select(v => v is { } x ? (double)x : double.NaN), ((NumericColumn)table["l"]).Values.ToArray());
        var s = (CategoricalColumn)table["s"];
        Assert.Equal(Strings, Enumerable.Range(0, Rows).Select(r => s[r]));
    }

    [Theory]
    [InlineData("DeltaBinaryPacked")]
    [InlineData("ByteStreamSplit")]
    [InlineData("DeltaLengthByteArray")]
    [InlineData("DeltaByteArray")]
    public void EachValueEncodingArrowWrites_IsReadValueForValue(string encodingName)
    {
        var encoding = Enum.Parse<ParquetSharp.Encoding>(encodingName);
        foreach (var pageV2 in new[] { false, true })
        {
            var builder = new WriterPropertiesBuilder().DisableDictionary().Encoding(encoding);
            using var properties = (pageV2 ? builder.DataPageVersion(ParquetDataPageVersion.V2) : builder).Build();
            var path = Path.Combine(_dir.FullName, $"{encodingName}-{pageV2}.parquet");
            if (encoding is ParquetSharp.Encoding.DeltaLengthByteArray or ParquetSharp.Encoding.DeltaByteArray)
            {
                IndependentParquet.WriteColumns(path, properties, 2, (new Column<string>("s"), Strings));
                var s = (CategoricalColumn)ParquetTableReader.Read(path)["s"];
                Assert.Equal(Strings, Enumerable.Range(0, Rows).Select(r => s[r]));
                continue;
            }

            IndependentParquet.WriteColumns(path, properties, 2, (new Column<long?>("l"), Longs),
                (new Column<int?>("i"), Longs.Select(v => v is { } x ? (int?)(x % 100000) : null).ToArray()));
            var table = ParquetTableReader.Read(path);
            Assert.Equal(Longs.Select(v => v is { } x ? (double)x : double.NaN), ((NumericColumn)table["l"]).Values.ToArray());
            Assert.Equal(Longs.Select(v => v is { } x ? (double)(x % 100000) : double.NaN), ((NumericColumn)table["i"]).Values.ToArray());
        }
    }

    // Parquet.Net 6.1 decodes RLE booleans as if they were PLAIN: every true came back false, with no error, so a
    // boolean feature's drift, a label of true/false or a check over it silently went wrong.
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void BooleansInTheRleEncoding_AreRefusedNamingTheColumn_NotMisread(bool pageV2, bool rleEncoding)
    {
        var builder = new WriterPropertiesBuilder().DisableDictionary();
        builder = rleEncoding ? builder.Encoding("flag", ParquetSharp.Encoding.Rle).Encoding("required", ParquetSharp.Encoding.Rle) : builder;
        using var properties = (pageV2 ? builder.DataPageVersion(ParquetDataPageVersion.V2) : builder).Build();
        var path = Path.Combine(_dir.FullName, "rle-booleans.parquet");
        IndependentParquet.WriteColumns(path, properties, 1,
            (new Column<double?>("d"), Doubles), (new Column<bool?>("flag"), Booleans), (new Column<bool>("required"), RequiredBooleans));

        foreach (var column in new[] { "flag", "required" })
        {
            var error = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path, new CsvReadOptions { Columns = [column] }));
            Assert.Equal(column, error.ColumnName);
            Assert.Contains("booleans in the RLE encoding", error.Message, StringComparison.Ordinal);
            Assert.Contains("data page version 1.0", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
        }

        // The other columns of such a file are still read: the booleans are never decoded when not asked for.
        var rest = ParquetTableReader.Read(path, new CsvReadOptions { Columns = ["d"] });
        Assert.Equal(Doubles.Select(v => v ?? double.NaN), ((NumericColumn)rest["d"]).Values.ToArray());
    }

    [Fact]
    public void PlainBooleans_InDataPageVersion1_AreStillRead()
    {
        using var properties = new WriterPropertiesBuilder().DisableDictionary().Build();
        var path = Path.Combine(_dir.FullName, "plain-booleans.parquet");
        IndependentParquet.WriteColumns(path, properties, 2, (new Column<bool?>("flag"), Booleans), (new Column<bool>("required"), RequiredBooleans));

        var table = ParquetTableReader.Read(path);

        Assert.Equal(Booleans, ((BooleanColumn)table["flag"]).Values.ToArray());
        Assert.Equal(RequiredBooleans.Select(b => (bool?)b), ((BooleanColumn)table["required"]).Values.ToArray());
    }

    [Fact]
    public void TheLegacyLz4Codec_IsRefusedNamingTheCodec_NotAsDamage()
    {
        using var properties = new WriterPropertiesBuilder().Compression(Compression.Lz4Hadoop).Build();
        var path = Path.Combine(_dir.FullName, "lz4-hadoop.parquet");
        IndependentParquet.WriteColumns(path, properties, 1, (new Column<double?>("d"), Doubles));

        var error = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path));

        Assert.Equal("d", error.ColumnName);
        Assert.Contains("legacy LZ4 codec", error.Message, StringComparison.Ordinal);
        Assert.Contains("snappy, zstd, gzip or LZ4_RAW", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> FarDates() => ["date", "int96", "micros"];

    [Theory]
    [MemberData(nameof(FarDates))]
    public void DatesBeyondTheYear9999_AreRefusedSayingSo(string kind)
    {
        var path = Path.Combine(_dir.FullName, $"far-{kind}.parquet");
        (Column, Array) column = kind switch
        {
            "date" => (new Column<int>("t", LogicalType.Date()), new[] { 19000, int.MaxValue }),
            "int96" => (new Column<Int96>("t"), new[] { new Int96(0, 0, 2460000), new Int96(int.MaxValue, int.MaxValue, int.MaxValue) }),
            _ => (new Column<long>("t", LogicalType.Timestamp(isAdjustedToUtc: true, timeUnit: TimeUnit.Micros)), new[] { 0L, long.MaxValue }),
        };
        IndependentParquet.WriteColumns(path, 1, column);

        var error = Assert.Throws<ParquetFormatException>(() => ParquetTableReader.Read(path));

        Assert.Equal("t", error.ColumnName);
        Assert.Contains("outside the years 1 to 9999", error.Message, StringComparison.Ordinal);
    }
}
