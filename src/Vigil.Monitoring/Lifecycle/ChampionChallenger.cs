using System.Diagnostics;
using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring.Alerts;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Profiles;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;
using Vigil.Monitoring.Telemetry;
using Vigil.Monitoring.Workspace;
using Vigil.Statistics.Resampling;

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
        var championBundle = ModelTrainer.LoadBundle(champion);
        var label = championBundle.Labels.LabelColumn;
        if (!request.Data.Contains(label))
        {
            throw new WorkspaceInputException($"The retraining data has no label column '{label}'. Columns: {string.Join(", ", request.Data.ColumnNames)}.");
        }

        var runId = workspace.Store.StartRetrain(model, time.GetUtcNow(), request.Reason);
        RetrainSpan.Started(span, champion.Version, runId);
        try
        {
            var outcome = Run(workspace, model, champion, championBundle, request, cancellationToken);
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
        ModelBundle championBundle, RetrainRequest request, CancellationToken cancellationToken)
    {
        var label = championBundle.Labels.LabelColumn;
        var task = championBundle.Task;

        // Only rows whose label the champion can score take part; the newest rows form the fresh holdout.
        var usable = UsableRows(championBundle, request.Data);
        if (usable.RowCount < MinLabelledRows)
        {
            throw new WorkspaceInputException(
                $"Retraining needs at least {MinLabelledRows} labelled rows with known labels; got {usable.RowCount} of {request.Data.RowCount}.");
        }

        var (recent, holdout) = HoldoutSplit.Split(usable, label, request.HoldoutFraction, request.Seed, stratify: false, latest: true);
        var training = request.IncludeTrainingData ? WithKeptTrainingData(champion, recent) : recent;
        var warmStart = VersionConfig.TryParse(champion.ConfigJson)?.StartingPoints;
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
            candidate = ModelTrainer.FitWithHoldout(training, training, holdout, task, trainRequest, cancellationToken);
        }

        var trainingSeconds = watch.Elapsed.TotalSeconds;
        request.FaultInjection?.Invoke("fitted");

        // Both models on the same fresh rows.
        using var compare = RetrainSpan.StartCompare(holdout.RowCount);
        var championSet = ModelScoring.Outcomes(championBundle, holdout, championBundle.Predict(holdout), out _)!;
        var challengerBundle = candidate.Search.Model;
        var challengerSet = ModelScoring.Outcomes(challengerBundle, holdout, challengerBundle.Predict(holdout), out _)!;
        var metric = request.Metric ?? TaskMetrics.DefaultPrimary(task);
        var higherIsBetter = TaskMetrics.HigherIsBetter(metric);
        var sign = higherIsBetter ? 1.0 : -1.0;
        var interval = Bootstrap.PairedDifference(holdout.RowCount,
            rows => sign * TaskMetrics.Compute(challengerSet, metric, rows),
            rows => sign * TaskMetrics.Compute(championSet, metric, rows),
            request.Resamples, request.Confidence, request.Seed);
        var all = Enumerable.Range(0, holdout.RowCount).ToArray();
        var championScore = TaskMetrics.Compute(championSet, metric, all);
        var challengerScore = TaskMetrics.Compute(challengerSet, metric, all);
        var improvement = sign * (challengerScore - championScore);
        var promote = interval.Resamples > 0 && interval.Lower > request.PromotionMargin;
        compare?.Dispose(); // the comparison ends here; registering and promoting belong to the retrain span
        var inv = CultureInfo.InvariantCulture;
        var reason = promote
            ? string.Format(inv, "challenger better on {0} fresh rows: {1} {2:F4} vs {3:F4}, improvement {4:+0.0000;-0.0000} ({5:P0} CI [{6:+0.0000;-0.0000}, {7:+0.0000;-0.0000}]) above margin {8}",
                holdout.RowCount, metric, challengerScore, championScore, improvement, request.Confidence, interval.Lower, interval.Upper, request.PromotionMargin)
            : string.Format(inv, "champion kept: challenger {0} {1:F4} vs champion {2:F4} on {3} fresh rows, improvement {4:+0.0000;-0.0000} ({5:P0} CI [{6:+0.0000;-0.0000}, {7:+0.0000;-0.0000}]) does not clear margin {8}",
                metric, challengerScore, championScore, holdout.RowCount, improvement, request.Confidence, interval.Lower, interval.Upper, request.PromotionMargin);

        // A promoted challenger is refitted with its configuration on every usable row, the comparison rows
        // included: they are the newest, and on drifting data a model that never saw them is already stale.
        var kept = candidate;
        var keptData = training;
        if (promote && request.RefitOnAllRows)
        {
            keptData = request.IncludeTrainingData ? WithKeptTrainingData(champion, usable) : usable;
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
            HigherIsBetter = higherIsBetter,
            ChampionScore = championScore,
            ChallengerScore = challengerScore,
            Improvement = improvement,
            ImprovementLower = interval.Lower,
            ImprovementUpper = interval.Upper,
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
        };
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

    // Rows with a label the champion knows (a class it never saw cannot be scored fairly against it).
    private static Table UsableRows(ModelBundle champion, Table data) =>
        data.Filter(ModelScoring.KnownLabels(champion, data[champion.Labels.LabelColumn]));

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
