using System.Text.RegularExpressions;

namespace Vigil.Cli;

/// <summary>
/// Says the parser's conversion errors in the user's words: "Cannot parse argument 'abc' for option '--version' as
/// expected type 'System.Nullable`1[System.Int32]'." becomes "… for option '--version': expected a whole number."
/// </summary>
internal static partial class ArgumentMessages
{
    public static string Readable(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ExpectedType().Replace(message, m => $": expected {Describe(m.Groups["type"].Value)}.");
    }

    private static string Describe(string type) => type.Replace("System.Nullable`1[", "", StringComparison.Ordinal).TrimEnd(']') switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number (e.g. 0.05)",
        "System.Boolean" => "true or false",
        "System.IO.FileInfo" => "a file path",
        "System.IO.DirectoryInfo" => "a folder path",
        "System.TimeSpan" => "a duration",
        var other => $"a value of type {other}",
    };

    [GeneratedRegex(@" as expected type '(?<type>[^']+)'\.?$")]
    private static partial Regex ExpectedType();
}
