namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// A change detector on a stream of bits (1 = error or failure, 0 = correct), with a warning zone before a change as
/// River's binary detectors (DDM, EDDM) have.
/// </summary>
public abstract class BinaryChangeDetector : ChangeDetector
{
    /// <summary>True when the detector is in its warning zone after the last update (as in River, DDM clears it on a change; EDDM keeps it).</summary>
    public bool WarningDetected { get; protected set; }

    /// <summary>Adds one outcome: true = error.</summary>
    public void Update(bool error) => Update(error ? 1.0 : 0.0);

    private protected override void Validate(double x)
    {
        if (x is not (0.0 or 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, $"{Name} reads a stream of bits: 1 for an error, 0 for a correct outcome.");
        }
    }
}
