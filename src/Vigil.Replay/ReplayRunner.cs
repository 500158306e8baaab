using System.Diagnostics;
using System.Globalization;
using Vigil.AutoML;
using Vigil.AutoML.Featurization;
using Vigil.Data.Tables;
using Vigil.Monitoring.Lifecycle;

namespace Vigil.Replay;

/// <summary>
/// Replays a time-ordered labelled table batch by batch the way production sees it, once per strategy, each in its
/// own temporary workspace, and measures how good each strategy's champion stays and what its retraining costs.
/// The first model is fitted once on the initial batches and registered in every workspace, so every strategy starts
/// from the same champion. See <see cref="ReplayOptions"/> for the loop.
/// </summary>
public static class ReplayRunner
{
    internal const string Model = "replay";

    public static ReplayResult Run(Table data, IReadOnlyList<IReplayStrategy> strategies, ReplayOptions options,
        string? source = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(strategies);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (strategies.Count == 0)
        {
            throw new ReplayInputException("Name at least one strategy to replay.");
        }

        if (strategies.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count() != strategies.Count)
        {
            throw new ReplayInputException("Every strategy in a replay needs its own name.");
        }

        var watch = Stopwatch.StartNew();
        data = Prepare(data, options);
        var plan = Plan(data.RowCount, options);
        var request = new TrainRequest
        {
            Label = options.Label,
            TimeBudget = options.TimeBudget,
            MaxTrials = options.MaxTrials,
            Seed = options.Seed,
            Learners = options.Learners,
            HoldoutIsLatest = true, // time-ordered rows: the baseline is measured on the newest ones
            CreatedBy = "vigil replay",
            Reason = string.Create(CultureInfo.InvariantCulture, $"initial training on the first {options.InitialBatches} batches"),
        };
        var initialRows = options.InitialBatches * options.BatchSize;
        var initialData = data.Slice(0, initialRows);
        ModelTrainer.Candidate initial;
        var fitWatch = Stopwatch.StartNew();
        try
        {
            initial = ModelTrainer.Fit(initialData, request, cancellationToken);
        }
        catch (AutoMLException ex)
        {
            throw new ReplayInputException($"The first model could not be trained on the first {initialRows} rows: {ex.Message}", ex);
        }

        var initialSeconds = fitWatch.Elapsed.TotalSeconds;
        var root = Path.Combine(options.WorkFolder ?? Path.GetTempPath(), "vigil-replay-" + Guid.NewGuid().ToString("N"));
        var results = new ReplayStrategyResult[strategies.Count];
        try
        {
            Parallel.For(0, strategies.Count, new ParallelOptions
            {
                MaxDegreeOfParallelism = options.MaxParallelStrategies,
                CancellationToken = cancellationToken,
            }, i =>
            {
                var folder = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"{i + 1}-{FolderName(strategies[i].Name)}"));
                var replay = new StrategyReplay(strategies[i], options, data, plan, initial, initialData, request, folder);
                results[i] = replay.Run(cancellationToken);
            });
        }
        finally
        {
            if (!options.KeepWorkspaces && Directory.Exists(root))
            {
                TryDelete(root);
            }
        }

        return new ReplayResult
        {
            Source = source,
            Label = options.Label,
            Rows = data.RowCount,
            Features = data.ColumnNames.Where(n => n != options.Label).ToArray(),
            DroppedColumns = options.DropColumns,
            BatchSize = options.BatchSize,
            InitialBatches = options.InitialBatches,
            WindowBatches = options.WindowBatches,
            ReplayedBatches = plan.Count,
            BatchHours = options.BatchDuration.TotalHours,
            TimeBudgetSeconds = options.TimeBudget?.TotalSeconds,
            MaxTrials = options.MaxTrials,
            Seed = options.Seed,
            InitialLearner = initial.Search.BestLearner,
            InitialBaseline = initial.Profile.Baseline!.Metrics,
            InitialTrainingSeconds = initialSeconds,
            Strategies = results,
            WallSeconds = watch.Elapsed.TotalSeconds,
        };
    }

    /// <summary>Drops the requested columns and checks the label and the row count.</summary>
    internal static Table Prepare(Table data, ReplayOptions options)
    {
        var unknown = options.DropColumns.Where(c => !data.Contains(c)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ReplayInputException($"Cannot drop {string.Join(", ", unknown.Select(c => $"'{c}'"))}: not in the data. Columns: {string.Join(", ", data.ColumnNames)}.");
        }

        data = data.WithoutColumns([.. options.DropColumns]);
        if (!data.TryGetColumn(options.Label, out var label))
        {
            throw new ReplayInputException($"Label column '{options.Label}' is not in the data. Columns: {string.Join(", ", data.ColumnNames)}.");
        }

        if (data.ColumnNames.Count < 2)
        {
            throw new ReplayInputException("The data has no feature column besides the label.");
        }

        AutoMLTask task;
        try
        {
            task = LabelMapping.Create(label, AutoMLTask.Auto).Task;
        }
        catch (AutoMLException ex)
        {
            throw new ReplayInputException($"Label column '{options.Label}' cannot be learned: {ex.Message}", ex);
        }

        if (task == AutoMLTask.Regression)
        {
            throw new ReplayInputException($"Label column '{options.Label}' looks continuous; replay supports classification labels (at most {LabelMapping.MaxAutoClasses} classes).");
        }

        var needed = (options.InitialBatches + 1) * options.BatchSize;
        if (data.RowCount < needed)
        {
            throw new ReplayInputException(string.Create(CultureInfo.InvariantCulture,
                $"The data has {data.RowCount} rows; a replay needs at least (--initial {options.InitialBatches} + 1) × --batch {options.BatchSize} = {needed}: the initial batches to train on and one batch to replay. Use smaller batches or fewer initial batches."));
        }

        return data;
    }

    /// <summary>(start row, rows) of every replayed batch; a trailing partial batch counts when it holds at least half a batch.</summary>
    internal static IReadOnlyList<(int Start, int Length)> Plan(int rows, ReplayOptions options)
    {
        var plan = new List<(int, int)>();
        for (var start = options.InitialBatches * options.BatchSize; start < rows; start += options.BatchSize)
        {
            var length = Math.Min(options.BatchSize, rows - start);
            if (length * 2 >= options.BatchSize)
            {
                plan.Add((start, length));
            }
        }

        return plan;
    }

    private static string FolderName(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the replay's result matters more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
