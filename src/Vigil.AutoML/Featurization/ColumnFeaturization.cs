namespace Vigil.AutoML.Featurization;

/// <summary>The recipe for one input column (serialised into the model bundle).</summary>
/// <param name="Column">Input column name.</param>
/// <param name="Kind">How it is encoded.</param>
/// <param name="Categories">Training categories for one-hot encoding.</param>
/// <param name="HashBuckets">Slot count for hashing.</param>
/// <param name="Means">Replacement value per numeric slot (training mean), used when imputing.</param>
/// <param name="HasMissing">Whether training data had missing cells here (adds indicators when imputing).</param>
public sealed record ColumnFeaturization(
    string Column,
    FeatureKind Kind,
    IReadOnlyList<string>? Categories,
    int HashBuckets,
    IReadOnlyList<double>? Means,
    bool HasMissing)
{
    /// <summary>Number of numeric slots before missing indicators.</summary>
    public int ValueSlots => Kind switch
    {
        FeatureKind.Numeric => 1,
        FeatureKind.OneHot => Categories?.Count ?? 0,
        FeatureKind.Hashed => HashBuckets,
        FeatureKind.DateParts => DateFeatures.PartCount,
        _ => 0,
    };

    /// <summary>Slots in the given mode: imputed numeric columns with missing training cells add one indicator.</summary>
    public int Width(bool impute) =>
        ValueSlots + (impute && HasMissing && Kind is FeatureKind.Numeric or FeatureKind.DateParts ? 1 : 0);
}
