namespace Vigil.Replay;

/// <summary>The replay's input cannot be used (missing label, too few rows, unknown strategy); the message says why.</summary>
public sealed class ReplayInputException : Exception
{
    public ReplayInputException()
    {
    }

    public ReplayInputException(string message)
        : base(message)
    {
    }

    public ReplayInputException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
