namespace Vigil.AutoML.Bundles;

/// <summary>An input column the model reads, with the storage kind it had in training.</summary>
public sealed record InputColumn(string Name, string Kind);

/// <summary>
/// One model of the bundle: its learner, configuration, weight in the average, file, and the file's format
/// (<c>mlnet</c>: an ML.NET model zip; <c>lightgbm</c>: LightGBM's model text, scored by LightGBM).
/// </summary>
public sealed record BundleMember(
    string Learner, IReadOnlyDictionary<string, double> Config, double Weight, bool ImputedFeatures, string File, string Format = "mlnet");

/// <summary>manifest.json of a model bundle: what the model is, how it was chosen and how well it did.</summary>
public sealed record BundleManifest
{
    /// <summary>The bundle layout version this build writes. Version 2 added LightGBM members (model text scored by LightGBM).</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>The oldest layout this build still reads (version 1: every member an ML.NET model zip).</summary>
    public const int OldestReadableFormatVersion = 1;

    public int FormatVersion { get; init; } = CurrentFormatVersion;

    public string VigilVersion { get; init; } = typeof(BundleManifest).Assembly.GetName().Version?.ToString() ?? "0";

    public DateTimeOffset CreatedUtc { get; init; }

    public AutoMLTask Task { get; init; }

    public string Metric { get; init; } = "";

    public string LabelColumn { get; init; } = "";

    public IReadOnlyList<string> Classes { get; init; } = [];

    public string Learner { get; init; } = "";

    public IReadOnlyDictionary<string, double> Config { get; init; } = new Dictionary<string, double>();

    public double ValidationLoss { get; init; }

    public string ValidationMethod { get; init; } = "";

    /// <summary>Validation metrics of the chosen configuration, snake_case names.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<InputColumn> InputSchema { get; init; } = [];

    public bool ImputedFeatures { get; init; }

    /// <summary>The models whose weighted average is the prediction (one unless the search chose a blend).</summary>
    public IReadOnlyList<BundleMember> Members { get; init; } = [];

    public int TrainingRows { get; init; }
}
