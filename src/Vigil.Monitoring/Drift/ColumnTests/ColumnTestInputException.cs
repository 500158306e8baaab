namespace Vigil.Monitoring.Drift.ColumnTests;

/// <summary>
/// A column test was asked for that does not exist or does not accept the column's kind (a user's input error:
/// the CLI prints the message and exits with code 2).
/// </summary>
public sealed class ColumnTestInputException : ArgumentException
{
    public ColumnTestInputException(string message)
        : base(message)
    {
    }

    public ColumnTestInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ColumnTestInputException()
    {
    }
}
