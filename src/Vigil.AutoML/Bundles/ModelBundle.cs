using System.Text.Json;
using Vigil.AutoML.Featurization;
using Vigil.AutoML.Metrics;
using Vigil.AutoML.Training;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Bundles;

/// <summary>
/// A trained model with everything needed to use it: the featurizer (column recipes), the member models (ML.NET
/// model zips, or LightGBM model text scored by LightGBM), the label mapping and a manifest (config, metrics, input
/// schema, format version). Saved as a folder holding manifest.json, featurizer.json and one file per member; written
/// to a temporary sibling folder and renamed into place.
/// </summary>
public sealed class ModelBundle
{
    private const string ManifestFile = "manifest.json";
    private const string FeaturizerFile = "featurizer.json";
    /// <summary>File of the only model in a version-1 manifest without members.</summary>
    private const string LegacyModelFile = "model.zip";

    private readonly IReadOnlyList<MemberModel> _models;

    internal ModelBundle(IReadOnlyList<MemberModel> models, Featurizer featurizer, LabelMapping labels, BundleManifest manifest)
    {
        if (models.Count == 0 || models.Count != manifest.Members.Count)
        {
            throw new ArgumentException("Every bundle member needs a model.", nameof(models));
        }

        _models = models;
        Featurizer = featurizer;
        Labels = labels;
        Manifest = manifest;
        var kinds = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);
        foreach (var column in manifest.InputSchema)
        {
            kinds[column.Name] = Enum.TryParse<ColumnKind>(column.Kind, ignoreCase: true, out var kind) ? kind : ColumnKind.Categorical;
        }

        InputKinds = kinds;
    }

    /// <summary>Kind of each input column (from the manifest; unknown kinds read as categorical), for typing raw values.</summary>
    public IReadOnlyDictionary<string, ColumnKind> InputKinds { get; }

    public BundleManifest Manifest { get; }

    public Featurizer Featurizer { get; }

    public LabelMapping Labels { get; }

    public AutoMLTask Task => Labels.Task;

    /// <summary>Scores the rows; the label column, if present, is ignored. Unseen categories are encoded as unknown.</summary>
    public Predictions Predict(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        Predictions? result = null;
        for (var i = 0; i < _models.Count; i++)
        {
            var member = Manifest.Members[i];
            var p = _models[i].Score(Featurizer.Transform(data, member.ImputedFeatures), Task, Labels.ClassCount, Featurizer.Width(member.ImputedFeatures));
            result = result is null ? Scale(p, member.Weight) : Add(result, p, member.Weight);
        }

        return result!;
    }

    private static Predictions Scale(Predictions p, double w) =>
        w == 1.0 ? p : p with { Values = p.Values.Select(v => v * w).ToArray() };

    private static Predictions Add(Predictions sum, Predictions p, double w)
    {
        var values = (double[])sum.Values.Clone();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] += w * p.Values[i];
        }

        return sum with { Values = values };
    }

    /// <summary>The task's metrics that are defined on labelled rows (snake_case names); <see cref="Measure"/> also says why the others are not.</summary>
    public IReadOnlyDictionary<string, double> Evaluate(Table data) => Measure(data).Values;

    /// <summary>
    /// Every metric of the task on labelled <paramref name="data"/>: the defined ones and, for the others, why they are
    /// undefined there (one class only, one row, no rows). Throws <see cref="AutoMLException"/> for bad labels.
    /// </summary>
    public Evaluation Measure(Table data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.TryGetColumn(Labels.LabelColumn, out var label))
        {
            throw new AutoMLException(AutoMLErrorCode.LabelNotFound, $"Label column '{Labels.LabelColumn}' is not in the data.");
        }

        var predictions = Predict(data);
        if (Task == AutoMLTask.Regression)
        {
            var targets = LabelMapping.EncodeTargets(label);
            if (targets.Any(double.IsNaN))
            {
                throw new AutoMLException(AutoMLErrorCode.MissingLabelValues, $"Label column '{label.Name}' has missing or non-numeric values.");
            }

            return MetricEvaluator.Evaluate(predictions, null, targets);
        }

        var classes = Labels.EncodeClasses(label);
        var bad = Array.IndexOf(classes, -1);
        if (bad >= 0)
        {
            throw new AutoMLException(
                AutoMLErrorCode.SchemaMismatch,
                $"Row {bad}: label '{label.FormatCell(bad) ?? "(missing)"}' is not one of the training classes ({string.Join(", ", Labels.Classes)}).");
        }

        return MetricEvaluator.Evaluate(predictions, classes, null);
    }

    /// <summary>Predicted label text per row (class name, or the number for regression).</summary>
    public string[] PredictedLabels(Predictions predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Task == AutoMLTask.Regression
            ? predictions.Values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : predictions.PredictedClasses().Select(k => Labels.Classes[k]).ToArray();
    }

    /// <summary>Writes the bundle to <paramref name="directory"/> atomically (replacing an existing bundle).</summary>
    public void Save(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var target = Path.GetFullPath(directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var parent = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, "." + Path.GetFileName(target) + ".tmp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(temp);
        try
        {
            for (var i = 0; i < _models.Count; i++)
            {
                var member = Manifest.Members[i];
                _models[i].Save(Path.Combine(temp, member.File), Task, Labels.ClassCount, Featurizer.Width(member.ImputedFeatures));
            }

            var doc = new FeaturizerDocument(Featurizer.Columns, Featurizer.DroppedColumns, Labels);
            File.WriteAllText(Path.Combine(temp, FeaturizerFile), JsonSerializer.Serialize(doc, BundleJson.Options));

            // The manifest is written last: a folder without one is never a bundle.
            File.WriteAllText(Path.Combine(temp, ManifestFile), JsonSerializer.Serialize(Manifest, BundleJson.Options));
            Replace(temp, target);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Reads a bundle written by <see cref="Save"/>; throws <see cref="BundleFormatException"/> when it cannot.</summary>
    public static ModelBundle Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new BundleFormatException($"'{directory}' is not a Vigil model bundle: {ManifestFile} is missing.");
        }

        BundleManifest manifest;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(manifestPath));
            if (!doc.RootElement.TryGetProperty("format_version", out var version) || !version.TryGetInt32(out var v))
            {
                throw new BundleFormatException($"{manifestPath} has no format_version; it was not written by Vigil.");
            }

            if (v is < BundleManifest.OldestReadableFormatVersion or > BundleManifest.CurrentFormatVersion)
            {
                var writer = doc.RootElement.TryGetProperty("vigil_version", out var w) ? w.GetString() : "unknown";
                throw new BundleFormatException(
                    $"Model bundle '{directory}' has format version {v} (written by Vigil {writer}); this Vigil reads format versions {BundleManifest.OldestReadableFormatVersion}–{BundleManifest.CurrentFormatVersion}. Retrain or use a matching Vigil version.");
            }

            manifest = doc.RootElement.Deserialize<BundleManifest>(BundleJson.Options)
                ?? throw new BundleFormatException($"{manifestPath} is empty.");
        }
        catch (JsonException ex)
        {
            throw new BundleFormatException($"{manifestPath} is not valid JSON: {ex.Message}", ex);
        }

        try
        {
            var featurizer = JsonSerializer.Deserialize<FeaturizerDocument>(File.ReadAllText(Path.Combine(directory, FeaturizerFile)), BundleJson.Options)
                ?? throw new BundleFormatException($"{FeaturizerFile} is empty.");
            if (manifest.Members.Count == 0)
            {
                manifest = manifest with { Members = [new BundleMember(manifest.Learner, manifest.Config, 1.0, manifest.ImputedFeatures, LegacyModelFile)] };
            }

            var features = new Featurizer(featurizer.Columns, featurizer.DroppedColumns);
            var models = manifest.Members.Select(m => LoadMember(directory, m, features)).ToArray();
            return new ModelBundle(models, features, featurizer.Labels, manifest);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new BundleFormatException($"Model bundle '{directory}' is incomplete or corrupt: {ex.Message}", ex);
        }
    }

    private static MemberModel LoadMember(string directory, BundleMember member, Featurizer features)
    {
        var path = Path.Combine(directory, member.File);
        switch (member.Format)
        {
            case MlNetModel.FormatName:
                return MlNetModel.Load(path);
            case LightGbmModel.FormatName:
                var model = LightGbmModel.Load(path);
                if (model.Features != features.Width(member.ImputedFeatures))
                {
                    throw new BundleFormatException(
                        $"Model bundle '{directory}': {member.File} reads {model.Features} features per row, but its featurizer makes {features.Width(member.ImputedFeatures)}.");
                }

                return model;
            default:
                throw new BundleFormatException(
                    $"Model bundle '{directory}': member {member.File} has format '{member.Format}', which this Vigil cannot read (it reads {MlNetModel.FormatName} and {LightGbmModel.FormatName}).");
        }
    }

    private static void Replace(string temp, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(temp, target);
            return;
        }

        var old = target + ".old-" + Guid.NewGuid().ToString("N");
        Directory.Move(target, old);
        Directory.Move(temp, target);
        TryDelete(old);
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
