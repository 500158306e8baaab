using System.Text;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using static Vigil.Data.Tests.Csv.CsvTestText;

namespace Vigil.Data.Tests.Csv;

public class CsvReaderTests
{
    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public void DetectsEachDelimiter(char d)
    {
        var text = $"a{d}b{d}c\n1{d}x{d}2.5\n3{d}y{d}-1\n";
        var t = Read(text);
        Assert.Equal(["a", "b", "c"], t.ColumnNames);
        Assert.Equal(2, t.RowCount);
        Assert.Equal(2.5, ((NumericColumn)t["c"])[0]);
    }

    [Fact]
    public void DetectionIgnoresDelimitersInsideQuotes()
    {
        var t = Read("\"a,b\";c\n\"1,5\";2\n");
        Assert.Equal(["a,b", "c"], t.ColumnNames);
        Assert.Equal("1,5", ((CategoricalColumn)t["a,b"])[0]);
    }

    [Fact]
    public void ExplicitDelimiterWins()
    {
        var t = Read("a,b;c\n1,2;3\n", new CsvReadOptions { Delimiter = ';' });
        Assert.Equal(["a,b", "c"], t.ColumnNames);
    }

    [Fact]
    public void SingleColumnFileHasNoDelimiter()
    {
        var t = Read("x\n1\n2\n");
        Assert.Equal(2, t.RowCount);
        Assert.Equal(ColumnKind.Numeric, t["x"].Kind);
    }

    [Fact]
    public void Utf8BomIsStrippedFromFileAndFromReader()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-bom-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "name,v\né,1\n", new UTF8Encoding(true));
            Assert.Equal(0xEF, File.ReadAllBytes(path)[0]);
            var t = CsvTableReader.Read(path);
            Assert.Equal(["name", "v"], t.ColumnNames);
            Assert.Equal("é", ((CategoricalColumn)t["name"])[0]);

            File.WriteAllText(path, "name,v\nx,1\n", new UTF8Encoding(false));
            Assert.Equal(["name", "v"], CsvTableReader.Read(path).ColumnNames);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Equal(["name", "v"], Read("\uFEFFname,v\nx,1\n").ColumnNames);
    }

    [Fact]
    public void QuotedFieldsWithDelimitersNewlinesAndEscapedQuotes()
    {
        var t = Read("id,text,n\n1,\"a,b\",2\n2,\"line1\nline2\",3\n3,\"say \"\"hi\"\"\",4\n");
        var text = (CategoricalColumn)t["text"];
        Assert.Equal(3, t.RowCount);
        Assert.Equal("a,b", text[0]);
        Assert.Equal("line1\nline2", text[1]);
        Assert.Equal("say \"hi\"", text[2]);
        Assert.Equal([2.0, 3.0, 4.0], ((NumericColumn)t["n"]).Values.ToArray());
    }

    [Fact]
    public void LineNumbersCountPhysicalLinesAfterMultilineFields()
    {
        var e = Fails("a,b\n1,\"x\ny\"\n2,z\nbad,w\n", new CsvReadOptions { Schema = new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.Numeric } });
        Assert.Equal(5, e.Line);
    }

    [Fact]
    public void InfinitiesAsNumPyAndDotNetWriteThemAreNumbers()
    {
        var t = Read("v,w\n1,x\ninf,inf\n-inf,y\n+INF,z\nInfinity,w\n");
        var v = (NumericColumn)t["v"];
        Assert.Equal([1, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity], v.Values.ToArray());
        Assert.IsType<CategoricalColumn>(t["w"]);   // "inf" among words stays a category
        Assert.Equal("inf", ((CategoricalColumn)t["w"])[1]);
    }

    [Fact]
    public void IsoDateColumnsAreInferredAsDateTimes()
    {
        var t = Read("d,ts,mixed\n2024-01-31,2024-01-31T12:00:00Z,2024-01-31\nNA,2024-02-01 08:30:00,soon\n2024-03-01,,2024-03-01\n");
        var d = Assert.IsType<DateTimeColumn>(t["d"]);
        Assert.Equal(new DateTime(2024, 1, 31), d[0]);
        Assert.Null(d[1]);
        var ts = Assert.IsType<DateTimeColumn>(t["ts"]);
        Assert.Equal(new DateTime(2024, 1, 31, 12, 0, 0, DateTimeKind.Utc), ts[0]);
        Assert.Equal(new DateTime(2024, 2, 1, 8, 30, 0), ts[1]);
        Assert.IsType<CategoricalColumn>(t["mixed"]);
    }

    [Fact]
    public void DefaultMissingMarkers()
    {
        var t = Read("v,c\n1,a\n,NA\nNA,b\nNaN,?\nnull,null\n?,N/A\n2,NULL\n");
        var v = (NumericColumn)t["v"];
        Assert.Equal(ColumnKind.Numeric, v.Kind);
        Assert.Equal(5, v.MissingCount);
        var c = (CategoricalColumn)t["c"];
        Assert.Equal(5, c.MissingCount);
        Assert.Equal(["a", "b"], c.Categories);
    }

    [Fact]
    public void CustomMissingMarkersReplaceTheDefaults()
    {
        var t = Read("v\n-999\n1\nNA\n", new CsvReadOptions { MissingMarkers = new HashSet<string> { "-999" } });
        Assert.Equal(ColumnKind.Categorical, t["v"].Kind); // "NA" is now text
        Assert.True(t["v"].IsMissing(0));
        Assert.Equal("NA", ((CategoricalColumn)t["v"])[2]);
    }

    [Fact]
    public void QuotedMissingMarkerIsMissing()
    {
        var t = Read("v,w\n\"NA\",1\n2,2\n");
        Assert.True(t["v"].IsMissing(0));
    }

    [Fact]
    public void InfersNumericAndCategorical()
    {
        var t = Read("i,f,e,s,mixed,allmissing\n1,1.5,1e3,a,1,\n-2,.5,-2E-2,b,x,NA\n3,NA,Infinity,a,2,\n");
        Assert.Equal(ColumnKind.Numeric, t["i"].Kind);
        Assert.Equal(ColumnKind.Numeric, t["f"].Kind);
        Assert.Equal(ColumnKind.Numeric, t["e"].Kind);
        Assert.Equal(ColumnKind.Categorical, t["s"].Kind);
        Assert.Equal(ColumnKind.Categorical, t["mixed"].Kind);
        Assert.Equal(ColumnKind.Numeric, t["allmissing"].Kind);
        Assert.Equal(3, t["allmissing"].MissingCount);
        Assert.Equal(1000, ((NumericColumn)t["e"])[0]);
        Assert.Equal(-0.02, ((NumericColumn)t["e"])[1]);
        Assert.True(double.IsPositiveInfinity(((NumericColumn)t["e"])[2]));
        Assert.True(double.IsNaN(((NumericColumn)t["f"])[2]));
        Assert.Equal([0, 1, 0], ((CategoricalColumn)t["s"]).Codes.ToArray());
    }

    [Fact]
    public void DecimalCommaIsNotANumber()
    {
        // Invariant culture only: "1,5" inside quotes is text, not 1.5.
        Assert.Equal(ColumnKind.Categorical, Read("v\n\"1,5\"\n").Columns[0].Kind);
    }

    [Fact]
    public void ExplicitSchemaOverridesInference()
    {
        var schema = new Dictionary<string, ColumnKind>
        {
            ["zip"] = ColumnKind.Categorical,
            ["flag"] = ColumnKind.Boolean,
            ["when"] = ColumnKind.DateTime,
            ["n"] = ColumnKind.Numeric,
        };
        var t = Read("zip,flag,when,n,other\n01234,true,2024-01-31,1,x\n99999,NO,2024-02-01T12:30:00Z,NA,y\n00001,1,,2.5,z\n4,,2024-03-01 08:00:00+02:00,3,w\n",
            new CsvReadOptions { Schema = schema });
        var zip = Assert.IsType<CategoricalColumn>(t["zip"]);
        Assert.Equal("01234", zip[0]);
        var flag = Assert.IsType<BooleanColumn>(t["flag"]);
        Assert.Equal([true, false, true, null], flag.Values.ToArray());
        var when = Assert.IsType<DateTimeColumn>(t["when"]);
        Assert.Equal(new DateTime(2024, 1, 31), when[0]);
        Assert.Equal(DateTimeKind.Unspecified, when[0]!.Value.Kind);
        Assert.Equal(new DateTime(2024, 2, 1, 12, 30, 0, DateTimeKind.Utc), when[1]);
        Assert.Equal(DateTimeKind.Utc, when[1]!.Value.Kind);
        Assert.Null(when[2]);
        Assert.Equal(new DateTime(2024, 3, 1, 6, 0, 0, DateTimeKind.Utc), when[3]);
        Assert.True(t["n"].IsMissing(1));
        Assert.Equal(ColumnKind.Categorical, t["other"].Kind);
    }

    [Fact]
    public void ColumnsOptionReadsOnlyThoseInFileOrder()
    {
        var t = Read("a,b,c\n1,2,3\n", new CsvReadOptions { Columns = ["c", "a"] });
        Assert.Equal(["a", "c"], t.ColumnNames);
    }

    [Fact]
    public void TheCallersReaderIsLeftOpen()
    {
        using var reader = new StringReader("a\n1\n");
        CsvTableReader.Read(reader, "mem");
        Assert.Equal(-1, reader.Peek()); // still usable, at the end
    }

    [Fact]
    public void EmptyColumnsOptionIsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => Read("a\n1\n", new CsvReadOptions { Columns = [] }));

    [Fact]
    public void BlankLinesAreSkippedForMultiColumnFiles()
    {
        var t = Read("a,b\n1,2\n\n3,4\n\n");
        Assert.Equal(2, t.RowCount);
    }

    [Fact]
    public void CrLfLineEndings()
    {
        var t = Read("a,b\r\n1,x\r\n2,y\r\n");
        Assert.Equal(2, t.RowCount);
        Assert.Equal("y", ((CategoricalColumn)t["b"])[1]);
    }

    [Fact]
    public void LargeFileIsReadQuickly()
    {
        // 200k x 20 here to keep the suite fast; the reader scales linearly (1M x 20 is a few seconds).
        const int rows = 200_000;
        var sb = new StringBuilder();
        sb.AppendJoin(',', Enumerable.Range(0, 20).Select(i => $"c{i}")).Append('\n');
        var rng = new Random(1);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < 20; c++)
            {
                if (c > 0)
                {
                    sb.Append(',');
                }

                if (c == 19)
                {
                    sb.Append(r % 3 == 0 ? "cat" : "dog");
                }
                else
                {
                    sb.Append(Math.Round(rng.NextDouble() * 100, 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            sb.Append('\n');
        }

        var text = sb.ToString();
        var t = Read(text);
        Assert.Equal(rows, t.RowCount);
        Assert.Equal(ColumnKind.Categorical, t["c19"].Kind);
    }
}
