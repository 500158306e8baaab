namespace Vigil.Statistics.TwoSample;

/// <summary>
/// Thrown when a contingency table has an all-zero row or column, so an expected frequency is 0 and χ² is undefined
/// (SciPy raises ValueError there). Drop empty categories before testing.
/// </summary>
public sealed class ZeroExpectedFrequencyException : ArgumentException
{
    public ZeroExpectedFrequencyException()
    {
    }

    public ZeroExpectedFrequencyException(string message)
        : base(message)
    {
    }

    public ZeroExpectedFrequencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Row of the first zero expected frequency.</summary>
    public int Row { get; init; }

    /// <summary>Column of the first zero expected frequency.</summary>
    public int Column { get; init; }
}
