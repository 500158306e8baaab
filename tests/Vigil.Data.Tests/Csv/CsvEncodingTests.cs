using System.Text;
using FsCheck.Xunit;
using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Data.Tests.Csv;

/// <summary>The bytes of a file read by path: strict UTF-8 with located errors, Latin-1 on request, binary files refused.</summary>
public sealed class CsvEncodingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-csv-enc-").FullName;

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    public void ALatin1ByteIsAnErrorWithLineCharacterAndByteOffset()
    {
        // "Café" in Latin-1: the é is the single byte 0xE9, which UTF-8 cannot start a character with.
        var path = Write("latin.csv", Latin1("name,n\nabc,1\nCafé,2\n"));
        var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(path));
        Assert.Equal(path, e.FilePath);
        Assert.Equal(3, e.Line);
        Assert.Equal(4, e.Character);
        Assert.Equal(16, e.ByteOffset); // "name,n\n" (7) + "abc,1\n" (6) + "Caf" (3)
        Assert.Contains("0xE9", e.Found, StringComparison.Ordinal);
        Assert.Contains("'Caf'", e.Found, StringComparison.Ordinal);
        Assert.StartsWith($"{path}, line 3, character 4 (byte offset 16): expected UTF-8 text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameFileReadAsLatin1KeepsItsCharacters()
    {
        var path = Write("latin.csv", Latin1("name,n\nabc,1\nCafé,2\n"));
        var table = CsvTableReader.Read(path, new CsvReadOptions { Encoding = CsvEncoding.Latin1 });
        Assert.Equal(["abc", "Café"], ((CategoricalColumn)table["name"]).Categories);
    }

    [Fact]
    public void ValidUtf8WithAndWithoutBomReadsUnchanged()
    {
        var text = "name,n\nCafé,1\n日本,2\n🙂,3\n";
        var plain = CsvTableReader.Read(Write("u.csv", Encoding.UTF8.GetBytes(text)));
        var bom = CsvTableReader.Read(Write("b.csv", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]));
        Assert.Equal(["Café", "日本", "🙂"], ((CategoricalColumn)plain["name"]).Categories);
        Assert.Equal(["Café", "日本", "🙂"], ((CategoricalColumn)bom["name"]).Categories);
        Assert.Equal(["name", "n"], bom.ColumnNames);
    }

    [Fact]
    public void Utf16WithByteOrderMarkIsStillRead()
    {
        var path = Write("u16.csv", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("name,n\nCafé,1\n")]);
        Assert.Equal(["Café"], ((CategoricalColumn)CsvTableReader.Read(path)["name"]).Categories);
    }

    [Fact]
    public void ACharacterSplitAcrossReadsIsJudgedWhole()
    {
        // Rows of multi-byte characters long enough that the 64 KiB reads cut characters in two.
        var row = string.Concat(Enumerable.Repeat("日本🙂é", 50));
        var text = "name,n\n" + string.Concat(Enumerable.Range(0, 400).Select(i => $"{row}{i},{i}\n"));
        var table = CsvTableReader.Read(Write("long.csv", Encoding.UTF8.GetBytes(text)));
        Assert.Equal(400, table.RowCount);
        Assert.Equal(row + "399", ((CategoricalColumn)table["name"]).Categories[^1]);
    }

    [Fact]
    public void ABadByteFarIntoTheFileIsLocated()
    {
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i},é{i}\n"));
        var bytes = Encoding.UTF8.GetBytes("n,s\n" + rows).Concat(Latin1("9,bé\n")).ToArray();
        var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(Write("far.csv", bytes)));
        Assert.Equal(20_002, e.Line);
        Assert.Equal(4, e.Character);
        Assert.Equal(bytes.Length - 2, e.ByteOffset);
    }

    [Fact]
    public void AFileEndingInsideACharacterIsAnError()
    {
        var bytes = Encoding.UTF8.GetBytes("a\nx\n日").SkipLast(1).ToArray();
        var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(Write("cut.csv", bytes)));
        Assert.Equal(3, e.Line);
        Assert.Contains("ending inside", e.Found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CsvEncoding.Utf8)]
    [InlineData(CsvEncoding.Latin1)]
    public void ABinaryFileIsOneLineWithoutRawControlBytes(CsvEncoding encoding)
    {
        // A PNG header: bytes that are not UTF-8, then NULs and control bytes.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x1B, 0x5B, 0x32, 0x4A];
        var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(Write("image.png", png), new CsvReadOptions { Encoding = encoding }));
        AssertPrintable(e.Message);
    }

    [Fact]
    public void ANulByteInOtherwiseValidTextSaysBinary()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(Write("nul.csv", "a,b\n1,2\n3,\0\n"u8.ToArray())));
        Assert.Equal(3, e.Line);
        Assert.Equal(3, e.Character);
        Assert.Contains("binary", e.Found, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharactersInCellsAndNamesAreEscapedInMessages()
    {
        var e = Assert.Throws<CsvFormatException>(() => CsvTableReader.Read(
            new StringReader("a,b\u001b[2J\n1,2\n3\n"), "x\u0007.csv"));
        AssertPrintable(e.Message);
        Assert.Contains("\\x1B[2J", e.Message, StringComparison.Ordinal);
        Assert.Contains("x\\x07.csv", e.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public void AnyBytesGiveATableOrALocatedOneLineError(byte[] bytes)
    {
        var path = Write("any.csv", bytes ?? []);
        try
        {
            CsvTableReader.Read(path);
        }
        catch (CsvFormatException e)
        {
            AssertPrintable(e.Message);
        }
    }

    private static void AssertPrintable(string message) =>
        Assert.DoesNotContain(message, c => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u202E');

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
