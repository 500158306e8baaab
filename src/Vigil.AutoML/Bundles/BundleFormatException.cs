using Vigil.Data.Text;

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
        : base(message is null ? null : PrintableText.Escape(message))
    {
    }

    public BundleFormatException(string message, Exception inner)
        : base(message is null ? null : PrintableText.Escape(message), inner)
    {
    }
}
