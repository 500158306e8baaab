namespace Vigil.Monitoring.Shadows;

/// <summary>
/// A shadow request the model's present state refuses: the version is the champion, the model has no shadow, or the
/// shadow has not (yet) shown it is better. The request is well formed; the CLI exits 2, the service answers 409.
/// </summary>
public sealed class ShadowStateException : Exception
{
    public ShadowStateException()
    {
    }

    public ShadowStateException(string message)
        : base(message)
    {
    }

    public ShadowStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
