namespace Vigil.Monitoring.Drift;

/// <summary>The current data's columns do not match the reference's (absent, extra where not allowed, or of another kind).</summary>
public sealed class SchemaMismatchException : Exception
{
    public SchemaMismatchException(string message)
        : base(message)
    {
    }

    public SchemaMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SchemaMismatchException()
    {
    }
}
