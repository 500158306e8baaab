namespace Vigil.AutoML;

/// <summary>A problem with the input data or options that prevents training, with a machine-readable code.</summary>
public sealed class AutoMLException : Exception
{
    public AutoMLException(AutoMLErrorCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public AutoMLException(AutoMLErrorCode code, string message, Exception inner)
        : base(message, inner)
    {
        Code = code;
    }

    public AutoMLException()
        : this(AutoMLErrorCode.InvalidOptions, "AutoML failed.")
    {
    }

    public AutoMLException(string message)
        : this(AutoMLErrorCode.InvalidOptions, message)
    {
    }

    public AutoMLException(string message, Exception inner)
        : this(AutoMLErrorCode.InvalidOptions, message, inner)
    {
    }

    public AutoMLErrorCode Code { get; }
}
