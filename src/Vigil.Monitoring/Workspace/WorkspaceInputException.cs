namespace Vigil.Monitoring.Workspace;

/// <summary>
/// A user's mistake while using a workspace: an invalid model name, an unknown version, a missing bundle folder,
/// a database written by a newer Vigil. The CLI prints the message as a user error, without a stack trace.
/// </summary>
public sealed class WorkspaceInputException : Exception
{
    public WorkspaceInputException()
    {
    }

    public WorkspaceInputException(string message)
        : base(message)
    {
    }

    public WorkspaceInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
