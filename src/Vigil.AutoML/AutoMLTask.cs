namespace Vigil.AutoML;

/// <summary>The kind of supervised problem.</summary>
public enum AutoMLTask
{
    /// <summary>Decide from the label: text or few integer values → classification, else regression.</summary>
    Auto,
    Binary,
    Multiclass,
    Regression,
}
