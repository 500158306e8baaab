namespace Vigil.Monitoring.Estimation;

/// <summary>
/// Rows an estimator cannot be refitted on (too few labelled rows, labels the version does not know, rows without
/// predictions or scores, a version that cannot score them). Nothing is stored. The CLI exits 2; the service answers 422.
/// </summary>
public sealed class EstimatorInputException : Exception
{
    public EstimatorInputException()
    {
    }

    public EstimatorInputException(string message)
        : base(message)
    {
    }

    public EstimatorInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
