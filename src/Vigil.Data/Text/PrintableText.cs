using System.Globalization;
using System.Text;

namespace Vigil.Data.Text;

/// <summary>Makes text from files and users safe to print in one line of an error message.</summary>
public static class PrintableText
{
    /// <summary>
    /// <paramref name="text"/> with control characters (C0, DEL, C1, line and paragraph separators and the
    /// bidirectional overrides) written as escapes, so a message stays one line and cannot move a terminal's cursor.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            _ = ch switch
            {
                '\r' => builder.Append("\\r"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                _ when !NeedsEscape(ch) => builder.Append(ch),
                _ when ch <= '\xFF' => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)ch:X2}"),
                _ => builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:X4}"),
            };
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char ch) =>
        char.IsControl(ch) || ch is '\u2028' or '\u2029' || (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069');
}
