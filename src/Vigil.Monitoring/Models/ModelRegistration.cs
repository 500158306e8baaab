using System.Globalization;
using System.Text.Json;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.AutoML.Featurization;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Models.Onnx;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Models;

/// <summary>
/// Registers a model Vigil did not train. Everything is checked before anything is written — the model against the
/// reference columns (and run on its first rows), the label, the prediction and score columns — and then the version
/// folder (model file, model.json, profile.json, training.csv) is published in one registry transaction, so a
/// refused registration leaves the workspace exactly as it was. The reference profile is built from the reference
/// data; the baseline is measured on the holdout when given (else on the reference, and the notes say so), from the
/// model's own scores when it can score and no prediction column is given; permutation importance is measured when
/// the model can score.
/// </summary>
public static class ModelRegistration
{
    public static RegisteredVersion Register(VigilWorkspace workspace, string model, RegistrationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return Publish(workspace, Prepare(model, request, cancellationToken));
    }

    /// <summary>
    /// Every check and computation of a registration, without a workspace: a command can refuse bad input before it
    /// opens (and so creates) one. <see cref="Publish"/> then writes the version.
    /// </summary>
    public static PreparedRegistration Prepare(string model, RegistrationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ModelName.Validate(model);
        var notes = new List<string>();
        var outputs = request.PredictionColumn is null ? request.ScoreColumns : [request.PredictionColumn, .. request.ScoreColumns];
        var reference = Prepare(request.Reference, request.ReferenceName, request, outputs);
        var holdout = request.Holdout is null ? null : Prepare(request.Holdout, request.HoldoutName, request, outputs);
        var features = reference.SelectColumns(reference.ColumnNames.Where(n => !outputs.Contains(n)).ToArray());
        var labelled = features.Filter(NotMissing(features[request.Label]));

        byte[]? bytes = null;
        var loaded = Bind(request, labelled, ref bytes);
        OutputColumnCheck.Values(reference, request.ReferenceName, loaded.Labels, request.PredictionColumn, request.ScoreColumns);
        if (holdout is not null)
        {
            OutputColumnCheck.Values(holdout, request.HoldoutName, loaded.Labels, request.PredictionColumn, request.ScoreColumns);
        }

        // The baseline: the model's own scores when it can score and no logged predictions were given.
        var evaluation = holdout ?? reference;
        var evaluationName = holdout is null ? request.ReferenceName : request.HoldoutName;
        var judge = loaded.CanScore && request.PredictionColumn is null
            ? loaded
            : new ExternalModel(loaded.Labels, loaded.InputKinds, request.PredictionColumn, request.ScoreColumns);
        WindowOutputs scored;
        try
        {
            scored = judge.Evaluate(evaluation);
        }
        catch (AutoMLException e)
        {
            throw new ModelInputException($"The model cannot score {evaluationName}: {e.Message}");
        }

        Baseline? baseline = null;
        if (scored.Outcomes is { } outcomes)
        {
            baseline = LoggedOutputs.Baseline(outcomes, scored.Scores, request.Seed);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"baseline on {outcomes.Rows} rows of {(holdout is null ? "the reference (no holdout was given; give --holdout FILE for a baseline the model never trained on)" : "the holdout")}{(judge == loaded ? ", scored by the model" : $", from column '{request.PredictionColumn}'")}"));
        }
        else
        {
            notes.Add(request.PredictionColumn is null && !loaded.CanScore
                ? "no baseline: an external model needs --prediction COL naming the column of its predictions; performance is not checked against a baseline"
                : $"no baseline: {evaluationName} has no usable labelled rows");
        }

        var estimator = FitEstimator(scored.Outcomes, evaluation, holdout is null ? "the reference" : "the holdout", request, outputs, notes, cancellationToken);

        IReadOnlyDictionary<string, double>? importance = null;
        string? importanceNote = null;
        if (!loaded.CanScore)
        {
            importanceNote = "none: a model of kind 'external' cannot score rows, so permutation importance cannot be measured; dataset drift is unweighted";
            notes.Add("feature importance " + importanceNote);
        }
        else if (scored.Outcomes is { } o)
        {
            var usable = evaluation.Filter(ModelScoring.KnownLabels(loaded.Labels, evaluation[request.Label]));
            var set = judge == loaded && o.Rows == usable.RowCount ? o : ModelScoring.Outcomes(loaded.Labels, usable, loaded.Predict(usable), out _);
            importance = set is null ? null : PermutationImportance.Compute(loaded, usable, set, request.Seed, cancellationToken);
            importanceNote = importance is null ? "none: too few labelled rows, or no feature changed the metric when shuffled; dataset drift is unweighted" : null;
        }

        var profile = ReferenceProfile.Build(features, request.Label, loaded.Task) with
        {
            Baseline = baseline,
            FeatureImportance = importance,
            FeatureImportanceNote = importanceNote,
        };
        var descriptor = new ModelDescriptor
        {
            Kind = request.Kind,
            Task = loaded.Task,
            LabelColumn = request.Label,
            Classes = loaded.Labels.Classes,
            InputSchema = loaded.InputKinds.Select(p => new InputColumn(p.Key, p.Value.ToString())).ToArray(),
            Features = loaded is OnnxModel onnx ? onnx.Features : (loaded as MlNet.MlNetPipeline)?.Features,
            ModelFile = ModelFileName(request.Kind),
            PredictionColumn = request.PredictionColumn,
            ScoreColumns = request.ScoreColumns,
        };
        (loaded as IDisposable)?.Dispose();
        return new PreparedRegistration(model, request, bytes, descriptor, profile, features, baseline is null ? null : holdout is null ? "reference" : "holdout", notes)
        {
            Estimator = estimator,
        };
    }

    // Performance estimation for windows without labels, fitted once on the rows the baseline was measured on (the
    // holdout when given): CBPE calibrates the scores, DLE learns the errors from the features. Output columns are not
    // features: windows from the log carry the predictions beside the rows, not in them.
    private static PerformanceEstimator? FitEstimator(PredictionSet? outcomes, Table evaluation, string source, RegistrationRequest request,
        IReadOnlyList<string> outputs, List<string> notes, CancellationToken cancellationToken)
    {
        if (outcomes is null)
        {
            notes.Add("performance estimation: none (no labelled predictions to fit it on)");
            return null;
        }

        Table? rows = null;
        if (outcomes.Task == AutoMLTask.Regression)
        {
            var labelled = evaluation.Filter(FiniteTargets(evaluation[request.Label]));
            rows = labelled.RowCount == outcomes.Rows ? labelled.WithoutColumns([.. outputs.Where(labelled.Contains)]) : null;
        }

        var estimator = PerformanceEstimator.TryFit(outcomes, rows, request.Label, out var why, request.Seed, null, cancellationToken);
        notes.Add(estimator is null
            ? $"performance estimation: none ({why}); windows without labels are not estimated"
            : string.Create(CultureInfo.InvariantCulture, $"performance estimation: {estimator.Method.ToUpperInvariant()} fitted on {outcomes.Rows} labelled rows of {source}"));
        return estimator;
    }

    private static bool[] FiniteTargets(Column label)
    {
        var values = LabelMapping.EncodeTargets(label);
        return values.Select(double.IsFinite).ToArray();
    }

    /// <summary>Writes a prepared registration as a new version (the model's first becomes champion), in one registry transaction.</summary>
    public static RegisteredVersion Publish(VigilWorkspace workspace, PreparedRegistration prepared)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(prepared);
        var version = Write(workspace, prepared.Model, prepared.Request, prepared.ModelBytes, prepared.Descriptor, prepared.Profile, prepared.Reference, prepared.Estimator);
        return new RegisteredVersion(version, prepared.Profile, prepared.BaselineSource, prepared.Notes);
    }

    /// <summary>The file a kind's model is stored as in its version folder.</summary>
    public static string? ModelFileName(ModelKind kind) => kind switch
    {
        ModelKind.Onnx => "model.onnx",
        ModelKind.MlNet => "model.zip",
        _ => null,
    };

    private static Table Prepare(Table data, string shownAs, RegistrationRequest request, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Contains(request.Label))
        {
            throw new ModelInputException(
                $"{shownAs} has no label column '{request.Label}'; columns: {string.Join(", ", data.ColumnNames.Take(20))}{(data.Columns.Count > 20 ? ", …" : "")}.");
        }

        if (data.RowCount == 0)
        {
            throw new ModelInputException($"{shownAs} has no rows.");
        }

        OutputColumnCheck.Names(data, shownAs, request.Label, request.PredictionColumn, request.ScoreColumns);
        if (data[request.Label].MissingCount == data.RowCount)
        {
            throw new ModelInputException($"Label column '{request.Label}' of {shownAs} has no values.");
        }

        _ = outputs;
        return data;
    }

    private static bool[] NotMissing(Column column)
    {
        var keep = new bool[column.Length];
        for (var i = 0; i < keep.Length; i++)
        {
            keep[i] = !column.IsMissing(i);
        }

        return keep;
    }

    // The model bound to the labelled reference: its inputs checked against the columns and its outputs against the label.
    private static LoadedModel Bind(RegistrationRequest request, Table labelled, ref byte[]? bytes)
    {
        if (request.Classes is not null && request.Kind != ModelKind.Onnx)
        {
            throw new ModelInputException(request.Kind == ModelKind.MlNet
                ? "--classes is for ONNX models; an ML.NET model names its classes in its Score slots."
                : "--classes is for ONNX models; an external model's classes are the label's values.");
        }

        switch (request.Kind)
        {
            case ModelKind.External:
                if (request.ModelFile is not null)
                {
                    throw new ModelInputException("An external model has no model file; its predictions arrive in the log.");
                }

                if (request.Features is not null)
                {
                    throw new ModelInputException("--features orders the inputs of an ONNX or ML.NET model; an external model has none.");
                }

                var label = LabelMapping.Create(labelled[request.Label], request.Task);
                var kinds = labelled.Columns.Where(c => c.Name != request.Label).ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
                return new ExternalModel(label, kinds, request.PredictionColumn, request.ScoreColumns);
            case ModelKind.Onnx:
            case ModelKind.MlNet:
                var path = request.ModelFile ?? throw new ModelInputException($"A model of kind '{request.Kind.Name()}' needs its model file.");
                var shownAs = request.ModelFileName ?? $"'{Path.GetFileName(path)}'";
                bytes = ReadModelFile(path, shownAs);
                return request.Kind == ModelKind.Onnx
                    ? OnnxModel.Bind(bytes, shownAs, labelled, request.Features, request.Label, request.Task, request.Classes)
                    : MlNet.MlNetPipeline.Bind(bytes, shownAs, labelled, request.Features, request.Label, request.Task);
            default:
                throw new ModelInputException("A Vigil bundle is registered by 'vigil train --model' or by uploading the folder 'vigil train --out' wrote.");
        }
    }

    private static byte[] ReadModelFile(string path, string shownAs)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"file not found: {path}", path);
        }

        if (file.Length == 0)
        {
            throw new ModelInputException($"{shownAs} is empty.");
        }

        if (file.Length > BundleLimits.MaxModelFileBytes)
        {
            throw new ModelInputException($"{shownAs} is {file.Length} bytes; a model file may have at most {BundleLimits.MaxModelFileBytes} bytes.");
        }

        return File.ReadAllBytes(path);
    }

    private static ModelVersion Write(VigilWorkspace workspace, string model, RegistrationRequest request, byte[]? bytes,
        ModelDescriptor descriptor, ReferenceProfile profile, Table features, PerformanceEstimator? estimator)
    {
        var staging = Path.Combine(workspace.Folder, ".staging", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            if (bytes is not null)
            {
                File.WriteAllBytes(Path.Combine(staging, descriptor.ModelFile!), bytes);
            }

            File.WriteAllText(Path.Combine(staging, ModelDescriptor.FileName), descriptor.ToJson());
            if (estimator is not null)
            {
                EstimatorFile.Write(staging, estimator);
            }

            var kept = features.RowCount <= request.KeepReferenceRows ? features : features.Slice(features.RowCount - request.KeepReferenceRows, request.KeepReferenceRows);
            CsvTableWriter.Write(kept, Path.Combine(staging, VersionFile.TrainingDataFileName));
            var info = new ModelVersionInfo(
                Learner: request.Kind.Name(),
                ConfigJson: JsonSerializer.Serialize(new { kind = request.Kind.Name(), source = request.ModelFile is null ? null : Path.GetFileName(request.ModelFile) }),
                Metrics: profile.Baseline?.Metrics ?? new Dictionary<string, double>(),
                TrainingFingerprint: DataFingerprint.Compute(features),
                TrainingWindowStart: null,
                TrainingWindowEnd: null,
                TrainingRows: features.RowCount,
                ParentVersion: null,
                CreatedBy: request.CreatedBy,
                Reason: request.Reason,
                ProfileJson: MonitoringJson.Serialize(profile),
                BecomeChampion: request.Promote ? true : null)
            {
                Kind = request.Kind,
            };
            return workspace.Registry.RegisterVersion(model, staging, info);
        }
        finally
        {
            BundleFolder.DeleteQuietly(staging);
        }
    }
}
