using FsCheck.Xunit;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using static Vigil.Data.Tests.Csv.CsvTestText;

namespace Vigil.Data.Tests.Csv;

public class CsvErrorTests
{
    [Fact]
    public void RaggedRowWithTooManyFields()
    {
        var e = Fails("a,b,c\n1,2,3\n4,5,6,7\n");
        Assert.Equal("test.csv", e.FilePath);
        Assert.Equal(3, e.Line);
        Assert.Equal(4, e.Column);
        Assert.Contains("3 fields", e.Expected, StringComparison.Ordinal);
        Assert.Equal("4", e.Found);
    }

    [Fact]
    public void RaggedRowWithTooFewFields()
    {
        var e = Fails("a,b,c\n1,2,3\n4,5,6\n7,8\n");
        Assert.Equal(4, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal("c", e.ColumnName);
        Assert.StartsWith("test.csv, line 4, column 3 ('c'): expected 3 fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedQuote()
    {
        var e = Fails("a,b\n1,2\n3,\"open\n4,5\n6,7\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("closing quote", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void UnterminatedQuoteOnLastLineWithoutNewline()
    {
        var e = Fails("a,b\n1,\"x");
        Assert.Equal(2, e.Line);
        Assert.Equal(2, e.Column);
    }

    [Fact]
    public void UnterminatedQuoteInHeader()
    {
        var e = Fails("a,\"b\n1,2\n");
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void DuplicateHeaderName()
    {
        var e = Fails("a,b,a\n1,2,3\n");
        Assert.Equal(1, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal("a", e.ColumnName);
        Assert.Contains("first at column 1", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,,c\n1,2,3\n", 2)]
    [InlineData("a,b, \n1,2,3\n", 3)]
    [InlineData("\"\",b\n1,2\n", 1)]
    public void EmptyHeaderName(string text, int column)
    {
        var e = Fails(text);
        Assert.Equal(1, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains("non-empty header name", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    public void EmptyFile(string text)
    {
        var e = Fails(text);
        Assert.Equal("an empty file", e.Found);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void HeaderWithNoRows()
    {
        var e = Fails("a,b,c\n");
        Assert.Contains("at least one data row", e.Expected, StringComparison.Ordinal);
        Assert.Equal(2, e.Line);
        Fails("a,b,c");
    }

    [Fact]
    public void ValueNotFittingExplicitNumericSchema()
    {
        var text = "id,name,age\n1,a,30\n2,b,31\n3,c,32\n4,d,33\n5,e,34\n6,f,abc\n";
        var e = Fails(text, new CsvReadOptions { Schema = new Dictionary<string, ColumnKind> { ["age"] = ColumnKind.Numeric } });
        Assert.Equal("test.csv, line 7, column 3 ('age'): expected a number (explicit schema says numeric), found 'abc'.", e.Message);
        Assert.Equal(7, e.Line);
        Assert.Equal(3, e.Column);
        Assert.Equal("age", e.ColumnName);
        Assert.Equal("'abc'", e.Found);
    }

    [Fact]
    public void ValueNotFittingExplicitBooleanSchema()
    {
        var e = Fails("f\ntrue\nmaybe\n", new CsvReadOptions { Schema = new Dictionary<string, ColumnKind> { ["f"] = ColumnKind.Boolean } });
        Assert.Equal(3, e.Line);
        Assert.Contains("boolean", e.Expected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31/01/2024")]
    [InlineData("2024-13-01")]
    [InlineData("yesterday")]
    public void ValueNotFittingExplicitDateTimeSchema(string value)
    {
        var e = Fails($"d\n2024-01-01\n{value}\n", new CsvReadOptions { Schema = new Dictionary<string, ColumnKind> { ["d"] = ColumnKind.DateTime } });
        Assert.Equal(3, e.Line);
        Assert.Equal(1, e.Column);
    }

    [Fact]
    public void SeveralBadColumnsReportTheEarliestLine()
    {
        var schema = new Dictionary<string, ColumnKind> { ["a"] = ColumnKind.Numeric, ["b"] = ColumnKind.Numeric };
        var e = Fails("a,b\n1,2\n3,x\ny,4\n", new CsvReadOptions { Schema = schema });
        Assert.Equal(3, e.Line);
        Assert.Equal("b", e.ColumnName);
    }

    [Fact]
    public void InvalidDelimiterIsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => Read("a\n1\n", new CsvReadOptions { Delimiter = '"' }));

    [Fact]
    public void SchemaNamingAMissingColumn()
    {
        var e = Fails("a,b\n1,2\n", new CsvReadOptions { Schema = new Dictionary<string, ColumnKind> { ["zzz"] = ColumnKind.Numeric } });
        Assert.Contains("'zzz'", e.Expected, StringComparison.Ordinal);
        Assert.Contains("'a', 'b'", e.Found, StringComparison.Ordinal);
        Assert.Equal(1, e.Line);
    }

    [Fact]
    public void ColumnsOptionNamingAMissingColumn()
    {
        var e = Fails("a,b\n1,2\n", new CsvReadOptions { Columns = ["a", "q"] });
        Assert.Contains("'q'", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsFromAPathNameTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-bad-{Guid.NewGuid():N}.csv");
        try
        {
            File.WriteAllText(path, "a,b\n1\n");
            var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(path));
            Assert.Equal(path, e.FilePath);
            Assert.StartsWith(path + ", line 2", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    // The parser refuses a row over 16 MiB (bounded memory for a file with a runaway quote or no newlines); the error
    // used to name the line of the row BEFORE it (line 1 for the first data row) or no line at all for the header.
    [Theory]
    [InlineData("a,b\n1,2\n\n3,BIG\n4,5\n", 4)]
    [InlineData("a,b\n1,2\n3,\"BIG\n", 3)]
    [InlineData("a,BIG\n1,2\n", 1)]
    public void ARowTooLongToParse_IsReportedAtTheLineItStartsOn(string template, int line)
    {
        var text = template.Replace("BIG", new string('x', 17 << 20), StringComparison.Ordinal);
        var e = Fails(text);
        Assert.Equal(line, e.Line);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void MissingFileIsAnIoErrorNamingThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vigil-none-{Guid.NewGuid():N}.csv");
        var e = Assert.Throws<FileNotFoundException>(() => CsvTableReader.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReaderFailuresAreWrapped()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(new FailingReader(), "broken"));
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Equal("broken", e.FilePath);
    }

    [Property(MaxTest = 300)]
    public void ArbitraryTextNeverCrashesWithAnUntypedException(string? text)
    {
        try
        {
            Read(text ?? string.Empty);
        }
        catch (CsvFormatException)
        {
        }
    }

    [Property(MaxTest = 300)]
    public void CsvLikeTextNeverCrashes(byte[] pieces)
    {
        string[] parts = [",", ";", "\"", "\n", "\r\n", "a", "1", "NA", "", "|", "\t", "x y"];
        var text = string.Concat((pieces ?? []).Select(b => parts[b % parts.Length]));
        try
        {
            Read(text);
        }
        catch (CsvFormatException)
        {
        }
    }

    private sealed class FailingReader : TextReader
    {
        public override int Read(char[] buffer, int index, int count) => throw new InvalidOperationException("disk on fire");

        public override int Read(Span<char> buffer) => throw new InvalidOperationException("disk on fire");

        public override int Read() => throw new InvalidOperationException("disk on fire");
    }
}
