namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// An online change detector with River's shape: feed one value at a time with <see cref="Update"/>, then read
/// <see cref="DriftDetected"/>. After a detection the detector starts over at the next update, as River's do, so a
/// change is reported once and the values after it form a new reference.
/// </summary>
public abstract class ChangeDetector
{
    /// <summary>Short name used in stored state, events and settings (<c>adwin</c>, <c>page_hinkley</c>, …).</summary>
    public abstract string Name { get; }

    /// <summary>True when the last <see cref="Update"/> detected a change.</summary>
    public bool DriftDetected { get; protected set; }

    /// <summary>Values seen since the detector last started over (construction, <see cref="Reset"/> or a detection).</summary>
    public long Observations { get; protected set; }

    /// <summary>Adds one value. Throws <see cref="ArgumentException"/> for NaN or an infinite value.</summary>
    public void Update(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentException($"{Name}: a change detector takes finite values; got {x}.", nameof(x));
        }

        Validate(x);
        if (DriftDetected)
        {
            Reset();
        }

        Observations++;
        Step(x);
    }

    /// <summary>Forgets everything seen: the detector is as new (same settings).</summary>
    public abstract void Reset();

    /// <summary>The detector's whole state (settings included), plain data that <see cref="ChangeDetectorState.Restore"/> turns back into an equal detector.</summary>
    public abstract ChangeDetectorState Save();

    /// <summary>Checks a finite value against the detector's domain (e.g. 0 or 1 for a binary detector).</summary>
    private protected virtual void Validate(double x)
    {
    }

    /// <summary>One step of the algorithm on a validated value; sets <see cref="DriftDetected"/>.</summary>
    private protected abstract void Step(double x);
}
