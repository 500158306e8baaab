using System.Text.Json.Serialization;

namespace Vigil.Statistics.ChangeDetection;

/// <summary>
/// A detector's saved state: its settings and every figure it keeps, so a restored detector continues exactly where
/// the saved one was (same detections on the same continuation). Serialises to JSON with a <c>kind</c> field.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(AdwinState), "adwin")]
[JsonDerivedType(typeof(PageHinkleyState), "page_hinkley")]
[JsonDerivedType(typeof(DdmState), "ddm")]
[JsonDerivedType(typeof(EddmState), "eddm")]
[JsonDerivedType(typeof(KswinState), "kswin")]
public abstract record ChangeDetectorState
{
    /// <summary>Whether the last update detected a change (the next update then starts over).</summary>
    public bool DriftDetected { get; init; }

    /// <summary>Values seen since the detector last started over.</summary>
    public long Observations { get; init; }

    /// <summary>A detector in this state. Throws <see cref="ArgumentException"/> when the state is inconsistent.</summary>
    public abstract ChangeDetector Restore();
}
