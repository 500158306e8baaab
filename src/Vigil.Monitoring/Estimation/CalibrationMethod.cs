namespace Vigil.Monitoring.Estimation;

/// <summary>How a model's probabilities are calibrated before CBPE reads them.</summary>
public enum CalibrationMethod
{
    /// <summary>Used as they are: cross-validation found them calibrated (no method did clearly better).</summary>
    None,

    /// <summary>Isotonic regression of the label on the probability (pool-adjacent-violators).</summary>
    Isotonic,

    /// <summary>Platt's sigmoid of the log-odds.</summary>
    Sigmoid,
}
