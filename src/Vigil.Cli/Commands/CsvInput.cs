using System.CommandLine;
using Vigil.Data.Csv;

namespace Vigil.Cli.Commands;

/// <summary>The <c>--encoding</c> option of every command that reads CSV files.</summary>
internal static class CsvInput
{
    public static Option<string> EncodingOption()
    {
        var option = new Option<string>("--encoding")
        {
            Description = "Text encoding of CSV input: utf-8 (default; a byte that is not UTF-8 is an error naming its line) or latin1 (ISO-8859-1). Parquet files carry their own encoding.",
            DefaultValueFactory = _ => "utf-8",
        };
        option.AcceptOnlyFromAmong("utf-8", "utf8", "latin1", "iso-8859-1");
        return option;
    }

    /// <summary>The encoding chosen with <paramref name="option"/>.</summary>
    public static CsvEncoding Encoding(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) is "latin1" or "iso-8859-1" ? CsvEncoding.Latin1 : CsvEncoding.Utf8;
}
