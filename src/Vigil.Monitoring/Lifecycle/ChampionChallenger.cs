using System.Diagnostics;
using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Models;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Telemetry;
using Vigil.Monitoring.Workspace;

namespace Vigil.Monitoring.Lifecycle;

/// <summary>
/// Retrains a model and promotes the challenger only when it is measurably better than the champion on fresh data
/// (see <see cref="RetrainRequest"/>). Every run is recorded (retrain_runs) and every challenger is kept as a version.
/// A failure at any point leaves the champion serving: the challenger is registered as a non-champion version first,
/// and promotion is one atomic registry transaction.
/// </summary>
public static class ChampionChallenger
{
    /// <summary>
    /// Fewest labelled rows a retrain accepts (the library, the scheduler and the API all ask for it): below this the
    /// newest-rows holdout is too small to compare champion and challenger on.
    /// </summary>
    public const int MinLabelledRows = 20;

    public static RetrainOutcome Retrain(VigilWorkspace workspace, string model, RetrainRequest request,
        TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        return RetrainSpan.Run(model, span => RetrainRecorded(span, workspace, model, request, time ?? TimeProvider.System, cancellationToken));
    }

    private static RetrainOutcome RetrainRecorded(Activity? span, VigilWorkspace workspace, string model, RetrainRequest request,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var champion = workspace.Registry.GetChampion(model)
            ?? throw new WorkspaceInputException($"Model '{model}' has no champion to retrain; train it first with 'vigil train'.");
        var championModel = ModelLoader.Load(champion);
        var label = championModel.Labels.LabelColumn;
        if (!request.Data.Contains(label))
        {
            throw new WorkspaceInputException($"The retraining data has no label column '{label}'. Columns: {string.Join(", ", request.Data.ColumnNames)}.");
        }

        // A champion that cannot score is judged by what it logged; without its predictions there is nothing to compare.
        var data = championModel is ExternalModel external ? LoggedChampion.Attach(external, model, request) : request.Data;
        var runId = workspace.Store.StartRetrain(model, time.GetUtcNow(), request.Reason);
        RetrainSpan.Started(span, champion.Version, runId);
        try
        {
            var outcome = Run(workspace, model, champion, championModel, data, request, cancellationToken);
            workspace.Store.FinishRetrain(runId, RetrainStatus.Succeeded, outcome.ChallengerVersion, outcome.Promoted,
                MonitoringJson.Serialize(outcome), RetrainAlerts.Finished(runId, outcome));
            return outcome;
        }
        catch (OperationCanceledException)
        {
            workspace.Store.FinishRetrain(runId, RetrainStatus.Cancelled, null, null, null);
            throw;
        }
        catch (Exception ex)
        {
            workspace.Store.FinishRetrain(runId, RetrainStatus.Failed, null, null,
                MonitoringJson.Serialize(new Dictionary<string, string> { ["error"] = ex.Message }),
                RetrainAlerts.Ended(model, runId, RetrainStatus.Failed, ex.Message));
            throw;
        }
    }

    private static RetrainOutcome Run(VigilWorkspace workspace, string model, Registry.ModelVersion champion,
        LoadedModel championModel, Table data, RetrainRequest request, CancellationToken cancellationToken)
    {
        var label = championModel.Labels.LabelColumn;
        var task = championModel.Task;
        var logged = !championModel.CanScore;

        // Only rows whose label the champion can score (and, for a logged champion, whose logged outputs are usable)
        // take part; the newest rows form the fresh holdout.
        var usable = data.Filter(logged
            ? LoggedChampion.Usable(championModel.Labels, data)
            : ModelScoring.KnownLabels(championModel.Labels, data[label]));
        if (usable.RowCount < MinLabelledRows)
        {
            throw new WorkspaceInputException(
                $"Retraining needs at least {MinLabelledRows} labelled rows with known labels{(logged ? " and usable logged predictions" : "")}; got {usable.RowCount} of {data.RowCount}.");
        }

        var (recentWithLogged, holdout) = HoldoutSplit.Split(usable, label, request.HoldoutFraction, request.Seed, stratify: false, latest: true);
        var recent = TrainingColumns(championModel, recentWithLogged);
        var training = request.IncludeTrainingData ? WithKeptTrainingData(champion, recent) : recent;

        // Only a champion Vigil trained has search state to warm-start from; any other starts cold.
        var warmStart = champion.Kind == ModelKind.Vigil ? VersionConfig.TryParse(champion.ConfigJson)?.StartingPoints : null;
        var trainRequest = new TrainRequest
        {
            Label = label,
            Task = task,
            TimeBudget = request.TimeBudget,
            MaxTrials = request.MaxTrials,
            Seed = request.Seed,
            StartingPoints = warmStart,
            Progress = request.Progress,
            CreatedBy = request.CreatedBy,
            Reason = request.Reason,
            BecomeChampion = false,
        };

        var watch = Stopwatch.StartNew();
        ModelTrainer.Candidate candidate;
        using (RetrainSpan.StartSearch())
        {
            candidate = ModelTrainer.FitWithHoldout(training, training, TrainingColumns(championModel, holdout), task, trainRequest, cancellationToken);
        }

        var trainingSeconds = watch.Elapsed.TotalSeconds;
        request.FaultInjection?.Invoke("fitted");

        // Both models on the same fresh rows: the champion scores them, or (external) its logged outputs stand in.
        using var compare = RetrainSpan.StartCompare(holdout.RowCount);
        var championSet = logged
            ? LoggedChampion.Outcomes(championModel.Labels, holdout)!
            : ModelScoring.Outcomes(championModel.Labels, holdout, championModel.Predict(holdout), out _)!;
        var challengerBundle = candidate.Search.Model;
        var challengerSet = ModelScoring.Outcomes(challengerBundle, holdout, challengerBundle.Predict(holdout), out _)!;
        var metric = request.Metric ?? (logged && task != AutoMLTask.Regression && !LoggedChampion.HasScores(holdout)
            ? "accuracy" // no logged scores: the champion's probability metrics are undefined
            : TaskMetrics.DefaultPrimary(task));
        var comparison = PairedComparison.Compute(championSet, challengerSet, metric, request.Resamples, request.Confidence, request.Seed, request.PromotionMargin);
        var promote = comparison.Clears && request.NoPromotionBecause is null;
        compare?.Dispose(); // the comparison ends here; registering and promoting belong to the retrain span
        var reason = Verdict(comparison, promote, request.NoPromotionBecause);

        // A promoted challenger is refitted with its configuration on every usable row, the comparison rows
        // included: they are the newest, and on drifting data a model that never saw them is already stale.
        var kept = candidate;
        var keptData = training;
        if (promote && request.RefitOnAllRows)
        {
            var all = TrainingColumns(championModel, usable);
            keptData = request.IncludeTrainingData ? WithKeptTrainingData(champion, all) : all;
            using (RetrainSpan.StartRefit(keptData.RowCount))
            {
                kept = Refit(candidate, keptData, trainRequest, cancellationToken);
            }
        }

        var registered = ModelTrainer.Register(workspace, model, kept, keptData, trainRequest, champion.Version);
        request.FaultInjection?.Invoke("registered");
        var actor = request.CreatedBy;
        if (promote)
        {
            workspace.Registry.Promote(model, registered.Version.Version, reason, actor);
        }
        else
        {
            workspace.Registry.RecordKept(model, registered.Version.Version, reason, actor);
        }

        return new RetrainOutcome
        {
            Model = model,
            ChampionVersion = champion.Version,
            ChallengerVersion = registered.Version.Version,
            Metric = metric,
            HigherIsBetter = comparison.HigherIsBetter,
            ChampionScore = comparison.ChampionScore,
            ChallengerScore = comparison.ChallengerScore,
            Improvement = comparison.Improvement,
            ImprovementLower = comparison.ImprovementLower,
            ImprovementUpper = comparison.ImprovementUpper,
            Confidence = request.Confidence,
            Margin = request.PromotionMargin,
            HoldoutRows = holdout.RowCount,
            TrainingRows = keptData.RowCount,
            Promoted = promote,
            Reason = reason,
            ChampionMetrics = TaskMetrics.ComputeAll(championSet),
            ChallengerMetrics = TaskMetrics.ComputeAll(challengerSet),
            Learner = candidate.Search.BestLearner,
            TrainingSeconds = trainingSeconds,
            ChampionKind = champion.Kind.Name(),
            WarmStarted = warmStart is { Count: > 0 },
            ChampionOutputs = logged ? "logged" : "scored",
            Note = Note(champion.Kind, logged, request.NoPromotionBecause),
        };
    }

    private static string Verdict(PairedComparison c, bool promote, string? heldBack)
    {
        var inv = CultureInfo.InvariantCulture;
        if (promote)
        {
            return string.Format(inv, "challenger better on {0} fresh rows: {1} {2:F4} vs {3:F4}, improvement {4:+0.0000;-0.0000} ({5:P0} CI [{6:+0.0000;-0.0000}, {7:+0.0000;-0.0000}]) above margin {8}",
                c.Rows, c.Metric, c.ChallengerScore, c.ChampionScore, c.Improvement, c.Confidence, c.ImprovementLower, c.ImprovementUpper, c.Margin);
        }

        var kept = string.Format(inv, "champion kept: challenger {0} {1:F4} vs champion {2:F4} on {3} fresh rows, improvement {4:+0.0000;-0.0000} ({5:P0} CI [{6:+0.0000;-0.0000}, {7:+0.0000;-0.0000}]) {8} margin {9}",
            c.Metric, c.ChallengerScore, c.ChampionScore, c.Rows, c.Improvement, c.Confidence, c.ImprovementLower, c.ImprovementUpper,
            c.Clears ? "clears" : "does not clear", c.Margin);
        return c.Clears && heldBack is not null ? $"{kept}, but it is not promoted: {heldBack}" : kept;
    }

    private static string? Note(ModelKind kind, bool logged, string? heldBack)
    {
        if (kind == ModelKind.Vigil && heldBack is null)
        {
            return null;
        }

        var notes = new List<string>();
        if (kind != ModelKind.Vigil)
        {
            notes.Add($"no warm start: the champion (kind '{kind.Name()}') was not trained by Vigil, so there is no search state to start from and the challenger's AutoML search started cold");
        }

        if (logged)
        {
            notes.Add("the champion cannot score rows, so its side of the comparison is the predictions and scores it logged for the same rows");
        }

        if (heldBack is not null)
        {
            notes.Add($"promotion held back: {heldBack}");
        }

        return string.Join("; ", notes) + ".";
    }

    // What the challenger trains on: the champion's feature columns and the label, never its logged outputs.
    private static Table TrainingColumns(LoadedModel champion, Table rows)
    {
        var stripped = LoggedChampion.Strip(rows);
        return champion.OutputColumns.Count == 0 ? stripped : stripped.WithoutColumns([.. champion.OutputColumns]);
    }

    // The challenger's best configuration, one trial, on all rows; the profile keeps the baseline and importance the
    // challenger earned on rows it had not seen (the refit has no unseen rows left to measure them on).
    private static ModelTrainer.Candidate Refit(ModelTrainer.Candidate candidate, Table all, TrainRequest request,
        CancellationToken cancellationToken)
    {
        var best = new StartingPoint(candidate.Search.BestLearner, candidate.Search.BestConfig);
        var search = AutoMLEngine.Fit(all, new AutoMLOptions
        {
            Label = request.Label,
            Task = candidate.Search.Model.Task,
            Metric = request.Metric,
            MaxTrials = 1,
            Seed = request.Seed,
            Learners = [best.Learner],
            StartingPoints = [best],
        }, cancellationToken);
        var profile = ReferenceProfile.Build(all, request.Label, search.Model.Task) with
        {
            Baseline = candidate.Profile.Baseline,
            FeatureImportance = candidate.Profile.FeatureImportance,
        };
        return candidate with { Search = search, Profile = profile };
    }

    private static Table WithKeptTrainingData(Registry.ModelVersion champion, Table recent)
    {
        var file = VersionFile.TrainingData(champion)
            ?? throw new WorkspaceInputException(
                $"Version {champion.Version} of '{champion.Model}' kept no training data ({ModelTrainer.TrainingDataFile}); retrain without including it.");
        var schema = recent.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
        var old = CsvTableReader.Read(file.FullPath, new CsvReadOptions { Schema = schema, Columns = recent.ColumnNames.ToArray() });
        return Table.Concat([old.SelectColumns(recent.ColumnNames), recent]);
    }
}
