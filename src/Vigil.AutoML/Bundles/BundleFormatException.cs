namespace Vigil.AutoML.Bundles;

/// <summary>A model bundle is missing, incomplete, corrupt, or written in a format this version cannot read.</summary>
public sealed class BundleFormatException : Exception
{
    public BundleFormatException()
    {
    }

    public BundleFormatException(string message)
        : base(message)
    {
    }

    public BundleFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
