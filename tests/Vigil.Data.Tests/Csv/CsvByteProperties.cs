using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.TestSupport.Fuzzing;

namespace Vigil.Data.Tests.Csv;

/// <summary>
/// Any bytes in a CSV file give a table or a <see cref="CsvFormatException"/> with a one-line message — never another
/// exception (the AFL++ harness in bench/Vigil.Fuzz checks the same contract with coverage guidance).
/// </summary>
public sealed class CsvByteProperties : IDisposable
{
    private static readonly byte[][] Seeds =
    [
        "x,color,y\n1.5,red,yes\n-2,blue,no\n,red,yes\n"u8.ToArray(),
        "a;b;c\r\n\"1,5\";\"x \"\"q\"\"\";3\r\n4;\"multi\nline\";NA\r\n"u8.ToArray(),
        [0xEF, 0xBB, 0xBF, .. "id\tdate\tflag\n1\t2024-01-02\ttrue\n2\t2024-02-03\tfalse\n"u8],
        "only\n1\n\n3\n"u8.ToArray(),
        "a|b\n1e308|nan\n-0.0|?\n"u8.ToArray(),
        Encoding.UTF8.GetBytes("名前,値\n\"é\",3\n"),
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "vigil-csv-props-" + Guid.NewGuid().ToString("N"));

    public CsvByteProperties() => Directory.CreateDirectory(_folder);

    [Property(MaxTest = 500)]
    public Property ArbitraryBytesGiveATableOrACsvFormatException() =>
        Prop.ForAll(ByteMutations.AnyBytes(), ReadsOrRefuses);

    [Property(MaxTest = 1000)]
    public Property DamagedCsvGivesATableOrACsvFormatException() =>
        Prop.ForAll(ByteMutations.Mutated(Seeds), ReadsOrRefuses);

    [Fact]
    public void TheSeedsAreValidTables()
    {
        // The mutations start from valid input, so what they find is what damage does, not a broken seed.
        foreach (var seed in Seeds)
        {
            Assert.True(ReadFile(seed).RowCount > 0);
        }
    }

    private void ReadsOrRefuses(byte[] bytes)
    {
        try
        {
            ReadFile(bytes);
        }
        catch (CsvFormatException e)
        {
            Assert.DoesNotContain('\n', e.Message);
            Assert.DoesNotContain('\r', e.Message);
        }
    }

    private Table ReadFile(byte[] bytes)
    {
        var path = Path.Combine(_folder, "data.csv");
        File.WriteAllBytes(path, bytes);
        return CsvTableReader.Read(path);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
