namespace Vigil.AutoML.Featurization;

/// <summary>How one input column becomes model features.</summary>
public enum FeatureKind
{
    /// <summary>One float; NaN when missing (LightGBM) or the training mean plus a missing indicator (others).</summary>
    Numeric,

    /// <summary>One 0/1 slot per kept training category (all, or the most frequent of many); missing, unseen and
    /// dropped rare categories give all zeros.</summary>
    OneHot,

    /// <summary>Categories hashed (FNV-1a) into a fixed number of 0/1 slots; unseen categories land in some slot.
    /// Only read from bundles written before many-level columns were encoded by their frequent levels.</summary>
    Hashed,

    /// <summary>Year, month, day, day of week and hour as numeric features.</summary>
    DateParts,
}
