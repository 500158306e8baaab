namespace Vigil.Monitoring.Streams;

/// <summary>The per-model streams the online change detectors read.</summary>
public enum StreamKind
{
    /// <summary>
    /// One value per label as it joins its prediction, in join order: 1 for a wrong prediction and 0 for a right one
    /// (classification), the absolute error (regression).
    /// </summary>
    Error,

    /// <summary>One value per logged prediction, in log order: its score (the predicted value for a regression model logged without one).</summary>
    Score,
}
