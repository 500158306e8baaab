namespace Vigil.Monitoring.Checks;

/// <summary>
/// A watched-metrics setting that cannot be used: an unknown metric, one the model's task does not track, a drop
/// outside [0, 1), or a malformed <c>name:drop</c> list. The message names the entry; the CLI prints it as a user
/// error (exit 2) and the service answers 400.
/// </summary>
public sealed class WatchedMetricsInputException : Exception
{
    public WatchedMetricsInputException()
    {
    }

    public WatchedMetricsInputException(string message)
        : base(message)
    {
    }

    public WatchedMetricsInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
