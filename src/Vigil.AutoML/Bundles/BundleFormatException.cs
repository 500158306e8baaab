using System.Globalization;
using System.Text;

namespace Vigil.AutoML.Bundles;

/// <summary>
/// A model bundle is missing, incomplete, corrupt, or written in a format this version cannot read. The message is
/// one line: control characters quoted from a damaged file (JSON parser messages repeat the bad text) are escaped.
/// </summary>
public sealed class BundleFormatException : Exception
{
    public BundleFormatException()
    {
    }

    public BundleFormatException(string message)
        : base(OneLine(message))
    {
    }

    public BundleFormatException(string message, Exception inner)
        : base(OneLine(message), inner)
    {
    }

    private static string OneLine(string message)
    {
        if (message is null || !message.Any(char.IsControl))
        {
            return message!;
        }

        var text = new StringBuilder(message.Length + 8);
        foreach (var c in message)
        {
            text.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }
}
