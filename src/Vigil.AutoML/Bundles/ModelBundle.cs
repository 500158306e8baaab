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
            if (column?.Name is null)
            {
                throw new BundleFormatException("The bundle's manifest.json has an input_schema entry without a name.");
            }

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
    public void Save(string directory) => Save(directory, null);

    /// <summary>
    /// Writes the bundle to <paramref name="directory"/> atomically (replacing an existing bundle);
    /// <paramref name="addFiles"/> writes further files (a profile, training rows) into the new folder before its
    /// manifest, so they appear together with the model or not at all.
    /// </summary>
    public void Save(string directory, Action<string>? addFiles)
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
            addFiles?.Invoke(temp);

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

    /// <summary>
    /// Reads a bundle written by <see cref="Save(string)"/>; throws <see cref="BundleFormatException"/> when it cannot.
    /// Every file is resolved with <see cref="BundleFile"/>: a manifest that names a file outside the folder, a link,
    /// something that is not a regular file or a file over its <see cref="BundleLimits"/> is refused before it is read.
    /// </summary>
    public static ModelBundle Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var manifestFile = Locate(directory, ManifestFile, BundleLimits.MaxJsonFileBytes, optional: true)
            ?? throw new BundleFormatException($"'{directory}' is not a Vigil model bundle: {ManifestFile} is missing.");
        var manifest = ReadManifest(directory, manifestFile);
        try
        {
            var featurizer = Locate(directory, FeaturizerFile, BundleLimits.MaxJsonFileBytes, optional: false)!
                .ReadJson<FeaturizerDocument>(BundleJson.Options);
            if (featurizer?.Columns is null || featurizer.DroppedColumns is null || featurizer.Labels?.Classes is null)
            {
                throw new BundleFormatException($"Model bundle '{directory}': {FeaturizerFile} lacks its columns or label mapping.");
            }

            if (manifest.Members.Count == 0)
            {
                manifest = manifest with { Members = [new BundleMember(manifest.Learner, manifest.Config, 1.0, manifest.ImputedFeatures, LegacyModelFile)] };
            }

            var features = new Featurizer(featurizer.Columns, featurizer.DroppedColumns);
            var models = manifest.Members.Select(m => LoadMember(directory, m, features)).ToArray();
            return new ModelBundle(models, features, featurizer.Labels, manifest);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidOperationException or FormatException or InvalidDataException or ArgumentException)
        {
            throw new BundleFormatException($"Model bundle '{directory}' is incomplete or corrupt: {ex.Message}", ex);
        }
    }

    private static BundleManifest ReadManifest(string directory, BundleFile file)
    {
        try
        {
            using var stream = file.OpenRead();
            using var doc = JsonDocument.Parse(stream);
            if (doc.RootElement.ValueKind != JsonValueKind.Object ||
                !doc.RootElement.TryGetProperty("format_version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v))
            {
                throw new BundleFormatException($"Model bundle '{directory}': {ManifestFile} has no format_version; it was not written by Vigil.");
            }

            if (v is < BundleManifest.OldestReadableFormatVersion or > BundleManifest.CurrentFormatVersion)
            {
                var writer = doc.RootElement.TryGetProperty("vigil_version", out var w) && w.ValueKind == JsonValueKind.String ? w.GetString() : "unknown";
                throw new BundleFormatException(
                    $"Model bundle '{directory}' has format version {v} (written by Vigil {writer}); this Vigil reads format versions {BundleManifest.OldestReadableFormatVersion}–{BundleManifest.CurrentFormatVersion}. Retrain or use a matching Vigil version.");
            }

            var manifest = doc.RootElement.Deserialize<BundleManifest>(BundleJson.Options)
                ?? throw new BundleFormatException($"Model bundle '{directory}': {ManifestFile} is empty.");
            if (manifest.Members is null || manifest.InputSchema is null || manifest.Members.Any(m => m is null))
            {
                throw new BundleFormatException($"Model bundle '{directory}': {ManifestFile} lacks its members or input schema.");
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            throw new BundleFormatException($"Model bundle '{directory}': {ManifestFile} is not valid JSON: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new BundleFormatException($"Model bundle '{directory}': {ManifestFile} could not be read: {ex.Message}", ex);
        }
    }

    // A bundle file by its stored name; the guard's refusal is prefixed with the bundle it concerns.
    private static BundleFile? Locate(string directory, string name, long maxBytes, bool optional)
    {
        try
        {
            return optional ? BundleFile.Find(directory, name, maxBytes) : BundleFile.Resolve(directory, name, maxBytes);
        }
        catch (BundleFormatException ex)
        {
            throw new BundleFormatException($"Model bundle '{directory}': {ex.Message}", ex);
        }
    }

    private static MemberModel LoadMember(string directory, BundleMember member, Featurizer features)
    {
        switch (member.Format)
        {
            case MlNetModel.FormatName:
                using (var stream = Locate(directory, member.File, BundleLimits.MaxModelFileBytes, optional: false)!.OpenRead())
                {
                    return MlNetModel.Load(stream);
                }

            case LightGbmModel.FormatName:
                var model = LightGbmModel.FromText(Locate(directory, member.File, BundleLimits.MaxModelFileBytes, optional: false)!.ReadAllText());
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
