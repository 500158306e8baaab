namespace Vigil.Monitoring.Registry.Bundles;

/// <summary>
/// A stored bundle whose bytes do not hash to the name it is stored under: damaged or changed outside Vigil.
/// It is never used. An I/O problem of the environment (the CLI says it in one line with exit code 2), not a bug.
/// </summary>
public sealed class BundleIntegrityException : IOException
{
    public BundleIntegrityException()
    {
    }

    public BundleIntegrityException(string message)
        : base(message)
    {
    }

    public BundleIntegrityException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
