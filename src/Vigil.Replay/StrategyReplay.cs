using Vigil.Monitoring;
using System.Diagnostics;
using Vigil.AutoML;
using Vigil.AutoML.Bundles;
using Vigil.Data.Csv;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Statistics.Metrics;

namespace Vigil.Replay;

/// <summary>One strategy's pass over the stream in its own workspace with its own simulated clock.</summary>
internal sealed class StrategyReplay(IReplayStrategy strategy, ReplayOptions options, Table data,
    IReadOnlyList<(int Start, int Length)> plan, ModelTrainer.Candidate initial, Table initialData, TrainRequest request, string folder)
{
    // A retrain starts a moment after the check that asked for it, as in production; with no gap the check's own
    // labels would count as arriving after the retrain and open the policy's new-labels gate one batch early.
    private static readonly TimeSpan RetrainDelay = TimeSpan.FromMinutes(1);

    private readonly Dictionary<int, ModelBundle> _bundles = [];
    private readonly Dictionary<int, Table> _training = [];

    public ReplayStrategyResult Run(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var clock = new ReplayClock(options.Start + (options.BatchDuration * options.InitialBatches));
        using var monitor = VigilMonitor.Open(folder, strategy.WorkspaceOptions(options.Monitor), clock);
        ModelTrainer.Register(monitor.Workspace, ReplayRunner.Model, initial, initialData, request, null);
        var batches = new List<ReplayBatch>(plan.Count);
        var sinceRetrain = 0;
        double accuracySum = 0;
        var accuracyCount = 0;
        for (var b = 0; b < plan.Count; b++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (start, length) = plan[b];
            var rows = data.Slice(start, length);
            // Batches sit on a fixed grid of simulated time; the labels of a batch are known at its end.
            var windowStart = options.Start + (options.BatchDuration * (options.InitialBatches + b));
            var windowEnd = windowStart + options.BatchDuration;
            clock.Set(windowEnd);

            var champion = monitor.Champion(ReplayRunner.Model);
            var bundle = Bundle(champion);
            var outcomes = ModelScoring.Outcomes(bundle, rows, bundle.Predict(rows), out _);
            var (accuracy, auc) = Score(outcomes);
            sinceRetrain++;
            var decision = strategy.Decide(new ReplayBatchContext
            {
                Batch = b,
                Rows = rows,
                WindowStart = windowStart,
                WindowEnd = windowEnd,
                Monitor = monitor,
                Model = ReplayRunner.Model,
                Champion = champion,
                ChampionProfile = ModelTrainer.LoadProfile(champion),
                Outcomes = outcomes,
                BatchesSinceRetrain = sinceRetrain,
                ChampionTrainingData = () => TrainingData(champion),
            }, cancellationToken);

            var last = b == plan.Count - 1;
            var (retrained, promoted, seconds) = (false, false, 0.0);
            if (decision.Retrain && !last)
            {
                // The newest WindowBatches labelled batches, this one included.
                var end = start + length;
                var from = Math.Max(0, end - (options.WindowBatches * options.BatchSize));
                clock.Set(windowEnd + RetrainDelay);
                var retrainWatch = Stopwatch.StartNew();
                promoted = Retrain(monitor, champion.Version, data.Slice(from, end - from), decision, cancellationToken);
                (retrained, seconds, sinceRetrain) = (true, retrainWatch.Elapsed.TotalSeconds, 0);
            }

            var reason = decision.Retrain && last ? decision.Reason + " (last batch: nothing left to score, not retrained)" : decision.Reason;
            batches.Add(new ReplayBatch(b, length, accuracy, auc, champion.Version, retrained, promoted, seconds, reason, windowEnd));
            if (double.IsFinite(accuracy))
            {
                accuracySum += accuracy;
                accuracyCount++;
            }

            options.Progress?.Invoke(new ReplayProgress(strategy.Name, b + 1, plan.Count,
                accuracyCount == 0 ? double.NaN : accuracySum / accuracyCount, batches.Count(x => x.Retrained), batches.Count(x => x.Promoted)));
        }

        return ReplayStrategyResult.Summarise(strategy.Name, batches, watch.Elapsed.TotalSeconds);
    }

    private bool Retrain(VigilMonitor monitor, int championVersion, Table window, ReplayDecision decision, CancellationToken cancellationToken)
    {
        var reason = decision.Reason.Length > 300 ? decision.Reason[..300] : decision.Reason;
        if (decision.Mode == RetrainMode.Replace)
        {
            ModelTrainer.Train(monitor.Workspace, ReplayRunner.Model, window,
                request with { Reason = reason, BecomeChampion = true }, championVersion, cancellationToken);
            return true;
        }

        var outcome = monitor.Retrain(ReplayRunner.Model, new RetrainRequest
        {
            Data = window,
            TimeBudget = options.TimeBudget,
            MaxTrials = options.MaxTrials,
            Seed = options.Seed,
            CreatedBy = "vigil replay",
            Reason = reason,
        }, cancellationToken);
        return outcome.Promoted;
    }

    private ModelBundle Bundle(Vigil.Monitoring.Registry.ModelVersion version)
    {
        if (!_bundles.TryGetValue(version.Version, out var bundle))
        {
            bundle = ModelTrainer.LoadBundle(version);
            _bundles[version.Version] = bundle;
        }

        return bundle;
    }

    private Table TrainingData(Vigil.Monitoring.Registry.ModelVersion version)
    {
        if (!_training.TryGetValue(version.Version, out var table))
        {
            var schema = data.Columns.ToDictionary(c => c.Name, c => c.Kind, StringComparer.Ordinal);
            var file = Vigil.Monitoring.Registry.VersionFile.TrainingData(version)
                ?? throw new Vigil.Monitoring.Workspace.WorkspaceInputException($"Version {version.Version} of '{version.Model}' kept no training data ({ModelTrainer.TrainingDataFile}).");
            table = CsvTableReader.Read(file.FullPath, new CsvReadOptions { Schema = schema });
            _training[version.Version] = table;
        }

        return table;
    }

    /// <summary>Accuracy on the labelled rows, and ROC AUC for binary labels when both classes are present.</summary>
    private static (double Accuracy, double? RocAuc) Score(PredictionSet? outcomes)
    {
        if (outcomes is null || outcomes.Rows == 0)
        {
            return (double.NaN, null);
        }

        var truth = outcomes.TrueClasses!.ToArray();
        var predicted = outcomes.PredictedClasses!.ToArray();
        if (outcomes.Task != AutoMLTask.Binary)
        {
            return (TaskMetrics.Compute(outcomes, "accuracy", Enumerable.Range(0, outcomes.Rows).ToArray()), null);
        }

        var accuracy = BinaryMetrics.Accuracy(truth, predicted);
        var bothClasses = truth.Contains(0) && truth.Contains(1);
        double? auc = bothClasses && outcomes.Probabilities is { } p ? BinaryMetrics.RocAuc(truth, p.ToArray()) : null;
        return (accuracy, auc);
    }
}
