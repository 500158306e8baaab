namespace Vigil.AutoML.Bundles;

/// <summary>
/// Largest size of each file a bundle may hold. A file is measured before it is opened, so a file over its limit
/// costs no memory; these limits are what bounds the memory of loading or registering any bundle.
/// </summary>
public static class BundleLimits
{
    /// <summary>manifest.json, featurizer.json and profile.json: 64 MiB each (Vigil writes kilobytes to a few megabytes).</summary>
    public const long MaxJsonFileBytes = 64L << 20;

    /// <summary>One member model (LightGBM text or ML.NET zip): 256 MiB (1000 trees of 255 leaves are tens of megabytes).</summary>
    public const long MaxModelFileBytes = 256L << 20;

    /// <summary>training.csv, the training rows a version keeps (at most 200,000 rows by default): 512 MiB.</summary>
    public const long MaxTrainingDataBytes = 512L << 20;
}
