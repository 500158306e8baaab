using Vigil.Data.Csv;
using Vigil.Data.Tables;

namespace Vigil.Data.Tests.Csv;

/// <summary>Helpers to read CSV text in tests.</summary>
internal static class CsvTestText
{
    public static Table Read(string text, CsvReadOptions? options = null) =>
        CsvTableReader.Read(new StringReader(text), "test.csv", options);

    public static CsvFormatException Fails(string text, CsvReadOptions? options = null) =>
        Assert.Throws<CsvFormatException>(() => Read(text, options));
}
