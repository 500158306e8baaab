using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.AutoML.Featurization;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Estimation;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>
/// Trains a model version end to end: holds out rows the model never sees, runs AutoML on the rest, measures the
/// baseline and permutation feature importance on the holdout, profiles the training data, and registers the bundle
/// (with profile.json and training.csv) in the workspace.
/// </summary>
public static class ModelTrainer
{
    /// <summary>Name of the training data kept in a version folder.</summary>
    public const string TrainingDataFile = VersionFile.TrainingDataFileName;

    public static TrainedVersion Train(VigilWorkspace workspace, string model, Table data, TrainRequest request,
        int? parentVersion = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        ModelName.Validate(model);
        request.Validate();
        var candidate = Fit(data, request, cancellationToken);
        return Register(workspace, model, candidate, data, request, parentVersion);
    }

    /// <summary>
    /// Trains like <see cref="Train"/> (AutoML on the rows left after the holdout, baseline and importance on the
    /// holdout, profile of all rows) without a workspace, and writes a bundle folder that carries what registration
    /// needs: the model, profile.json and training.csv. That folder, zipped, is what the service's upload takes.
    /// </summary>
    public static TrainedBundle TrainBundle(Table data, TrainRequest request, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        request.Validate();
        var candidate = Fit(data, request, cancellationToken);
        SaveBundle(candidate.Search, candidate.Profile, data, request, folder, candidate.Estimator);
        return new TrainedBundle(Path.GetFullPath(folder), candidate.Search, candidate.Profile) { Estimator = candidate.Estimator };
    }

    /// <summary>
    /// Writes the model of <paramref name="search"/> to <paramref name="folder"/> atomically, with its
    /// <paramref name="profile"/> (profile.json) and the kept training rows of <paramref name="data"/> (training.csv),
    /// so the folder registers like a workspace version; with <paramref name="estimator"/>, its estimator.json too.
    /// </summary>
    public static void SaveBundle(AutoMLResult search, ReferenceProfile profile, Table data, TrainRequest request, string folder,
        PerformanceEstimator? estimator = null)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(request);
        search.Model.Save(folder, temp =>
        {
            CsvTableWriter.Write(KeptRows(data, request), Path.Combine(temp, TrainingDataFile));
            File.WriteAllText(Path.Combine(temp, BundleFolder.ProfileFileName), MonitoringJson.Serialize(profile));
            if (estimator is not null)
            {
                EstimatorFile.Write(temp, estimator);
            }
        });
    }

    private static Table KeptRows(Table data, TrainRequest request) =>
        data.RowCount <= request.KeepTrainingRows ? data : data.Slice(data.RowCount - request.KeepTrainingRows, request.KeepTrainingRows);

    /// <summary>The trained but not yet registered parts of a version.</summary>
    internal sealed record Candidate(AutoMLResult Search, ReferenceProfile Profile, Table TrainPart, Table Holdout)
    {
        /// <summary>The performance estimator fitted on the holdout; null when the model cannot be estimated.</summary>
        public PerformanceEstimator? Estimator { get; init; }
    }

    /// <summary>The task a fit of <paramref name="data"/> will have, or null when the label column is missing (Fit says so).</summary>
    internal static AutoMLTask? TaskOf(Table data, TrainRequest request) =>
        data.TryGetColumn(request.Label, out var labelColumn) ? LabelMapping.Create(labelColumn, request.Task).Task : null;

    internal static Candidate Fit(Table data, TrainRequest request, CancellationToken cancellationToken)
    {
        if (!data.TryGetColumn(request.Label, out var labelColumn))
        {
            throw new AutoMLException(AutoMLErrorCode.LabelNotFound,
                $"Label column '{request.Label}' is not in the data. Columns: {string.Join(", ", data.ColumnNames)}.");
        }

        var task = LabelMapping.Create(labelColumn, request.Task).Task;
        var (trainPart, holdout) = HoldoutSplit.Split(data, request.Label, request.HoldoutFraction, request.Seed,
            stratify: task != AutoMLTask.Regression, latest: request.HoldoutIsLatest);
        return FitWithHoldout(data, trainPart, holdout, task, request, cancellationToken);
    }

    /// <summary>
    /// AutoML on <paramref name="trainPart"/>; baseline and importance on <paramref name="holdout"/>, which the model
    /// never sees; the profile describes all of <paramref name="profileData"/>.
    /// </summary>
    internal static Candidate FitWithHoldout(Table profileData, Table trainPart, Table holdout, AutoMLTask task,
        TrainRequest request, CancellationToken cancellationToken)
    {
        var search = AutoMLEngine.Fit(trainPart, new AutoMLOptions
        {
            Label = request.Label,
            Task = task,
            Metric = request.Metric,
            TimeBudget = request.TimeBudget,
            MaxTrials = request.MaxTrials,
            Seed = request.Seed,
            Learners = request.Learners,
            EarlyStopping = request.EarlyStopping,
            StartingPoints = request.StartingPoints,
            Progress = request.Progress,
        }, cancellationToken);

        var bundle = search.Model;
        var predictions = bundle.Predict(holdout);
        var outcomes = ModelScoring.Outcomes(bundle, holdout, predictions, out _)
            ?? throw new AutoMLException(AutoMLErrorCode.InvalidOptions, "The holdout has no usable labels; use more data.");
        var baseline = Baseline.FromHoldout(outcomes, seed: request.Seed);
        var importance = PermutationImportance.Compute(bundle, holdout, outcomes, request.Seed, cancellationToken);
        var profile = ReferenceProfile.Build(profileData, request.Label, bundle.Task) with
        {
            Baseline = baseline,
            FeatureImportance = importance,
        };
        var labelled = holdout.TryGetColumn(request.Label, out var labels)
            ? holdout.Filter(ModelScoring.KnownLabels(bundle, labels))
            : holdout;
        var estimator = PerformanceEstimator.TryFit(outcomes, labelled, request.Label, out _, request.Seed, null, cancellationToken);
        return new Candidate(search, profile, trainPart, holdout) { Estimator = estimator };
    }

    internal static TrainedVersion Register(VigilWorkspace workspace, string model, Candidate candidate, Table data,
        TrainRequest request, int? parentVersion)
    {
        var staging = Path.Combine(workspace.Folder, ".staging", Guid.NewGuid().ToString("N"));
        try
        {
            candidate.Search.Model.Save(staging);
            CsvTableWriter.Write(KeptRows(data, request), Path.Combine(staging, TrainingDataFile));
            if (candidate.Estimator is not null)
            {
                EstimatorFile.Write(staging, candidate.Estimator);
            }

            var info = new ModelVersionInfo(
                Learner: candidate.Search.BestLearner,
                ConfigJson: VersionConfig.From(candidate.Search).ToJson(),
                Metrics: candidate.Profile.Baseline!.Metrics,
                TrainingFingerprint: DataFingerprint.Compute(data),
                TrainingWindowStart: null,
                TrainingWindowEnd: null,
                TrainingRows: data.RowCount,
                ParentVersion: parentVersion,
                CreatedBy: request.CreatedBy,
                Reason: request.Reason,
                ProfileJson: MonitoringJson.Serialize(candidate.Profile),
                BecomeChampion: request.BecomeChampion);
            var version = workspace.Registry.RegisterVersion(model, staging, info);
            return new TrainedVersion(version, candidate.Search, candidate.Profile) { Estimator = candidate.Estimator };
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    /// <summary>Loads a version's bundle (the replay warm-starts from it); <see cref="Models.ModelKindException"/> for a version Vigil did not train (it has none).</summary>
    public static ModelBundle LoadBundle(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Kind != Models.ModelKind.Vigil)
        {
            throw Models.ModelKindException.CannotDo(version.Model, version.Kind, "be replayed by Vigil",
                "the replay starts from a bundle Vigil trained (kind 'vigil'); train one with 'vigil train' to compare against it.");
        }

        return ModelBundle.Load(version.BundleFolder);
    }

    /// <summary>Loads a version's reference profile, or throws <see cref="WorkspaceInputException"/> when it has none.</summary>
    public static ReferenceProfile LoadProfile(ModelVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var file = version.HasProfile ? VersionFile.Profile(version) : null;
        if (file is null)
        {
            throw new WorkspaceInputException($"Model '{version.Model}' version {version.Version} has no reference profile; retrain it with Vigil to monitor it.");
        }

        return MonitoringJson.Deserialize<ReferenceProfile>(file.ReadAllText());
    }
}
