using Vigil.AutoML.Bundles;

namespace Vigil.Monitoring.Registry;

/// <summary>
/// The files of a registered version that are read by a stored name (profile.json, training.csv), resolved with
/// <see cref="BundleFile"/>'s rules: inside the version folder, no link, a regular file within its limit.
/// </summary>
public static class VersionFile
{
    /// <summary>Name of the training rows a version keeps.</summary>
    public const string TrainingDataFileName = "training.csv";

    /// <summary>Name of the reference profile a version keeps (when it has one).</summary>
    public const string ProfileFileName = BundleFolder.ProfileFileName;

    /// <summary>The version's profile.json, or null when it has none; <see cref="BundleFormatException"/> when it is refused.</summary>
    public static BundleFile? Profile(ModelVersion version) =>
        Find(version, BundleFolder.ProfileFileName, BundleLimits.MaxJsonFileBytes);

    /// <summary>The version's training.csv, or null when it kept none; <see cref="BundleFormatException"/> when it is refused.</summary>
    public static BundleFile? TrainingData(ModelVersion version) =>
        Find(version, TrainingDataFileName, BundleLimits.MaxTrainingDataBytes);

    /// <summary>The model.json of a version Vigil did not train, or null when it has none.</summary>
    public static BundleFile? Descriptor(ModelVersion version) =>
        Find(version, Models.ModelDescriptor.FileName, BundleLimits.MaxJsonFileBytes);

    /// <summary>The model file a descriptor names (model.onnx, model.zip); <see cref="BundleFormatException"/> when it is missing or refused.</summary>
    public static BundleFile ModelFile(ModelVersion version, string name) =>
        Find(version, name, BundleLimits.MaxModelFileBytes)
            ?? throw new BundleFormatException($"Model '{version.Model}' version {version.Version}: its model file '{name}' is missing.");

    /// <summary>The version's estimator.json, or null when it has none; <see cref="BundleFormatException"/> when it is refused.</summary>
    public static BundleFile? Estimator(ModelVersion version) =>
        Find(version, Estimation.EstimatorFile.FileName, BundleLimits.MaxJsonFileBytes);

    private static BundleFile? Find(ModelVersion version, string name, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(version);
        try
        {
            return BundleFile.Find(version.BundleFolder, name, maxBytes);
        }
        catch (BundleFormatException e)
        {
            throw new BundleFormatException($"Model '{version.Model}' version {version.Version}: {e.Message}", e);
        }
    }
}
