using Vigil.AutoML.Bundles;
using Vigil.AutoML.Featurization;
using Vigil.AutoML.Learners;
using Vigil.AutoML.Metrics;
using Vigil.AutoML.Search;
using Vigil.AutoML.Training;
using Vigil.AutoML.Validation;
using Vigil.Data.Tables;

namespace Vigil.AutoML;

/// <summary>
/// FLAML-style AutoML over ML.NET trainers: featurize, choose holdout or CV, search each learner with FLOW2
/// from its low-cost point, pick learners by ECI, then refit the best configuration on all rows.
/// </summary>
public static class AutoMLEngine
{
    /// <summary>Below this many rows trainers use one thread unless <see cref="AutoMLOptions.Threads"/> says otherwise.</summary>
    public const int SmallDataRows = 100_000;

    /// <summary>
    /// Label classes above which one-versus-all learners (rf, fasttree) are left out of a multiclass search (an error
    /// when they were named): each of their trials trains one binary model per class.
    /// </summary>
    public const int MaxOneVersusAllClasses = 50;

    /// <summary>Share of the time budget the ML.NET warm-up may use before it is abandoned.</summary>
    internal const double WarmUpShare = 0.2;

    /// <summary>
    /// Searches for the best model of <paramref name="data"/>'s label. Cancelling <paramref name="cancellation"/>
    /// ends the search and returns the best model found so far without a refit (or throws
    /// <see cref="OperationCanceledException"/> when no trial has finished).
    /// </summary>
    public static AutoMLResult Fit(Table data, AutoMLOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        CheckOptions(options);
        var clock = new BudgetClock(options.TimeProvider, options.TimeBudget);
        var warnings = new List<string>();

        if (!data.TryGetColumn(options.Label, out var labelColumn))
        {
            throw new AutoMLException(
                AutoMLErrorCode.LabelNotFound,
                $"Label column '{options.Label}' does not exist. Columns: {string.Join(", ", data.ColumnNames)}.");
        }

        var labels = LabelMapping.Create(labelColumn, options.Task);
        var metric = MetricEvaluator.Resolve(options.Metric, labels.Task);
        var learners = LearnersFor(labels, options, warnings);
        var features = data.WithoutColumns(options.Label);
        var featurizer = Featurizer.Fit(features);
        foreach (var dropped in featurizer.DroppedColumns)
        {
            var column = features[dropped];
            warnings.Add(column.MissingCount == column.Length
                ? $"Column '{dropped}' is missing in every row and was ignored."
                : $"Column '{dropped}' was ignored: it has more than {Featurizer.MaxOneHotLevels} distinct values and none occurs in {Featurizer.MinLevelRows} or more rows (an identifier?).");
        }

        // A constant column stays a feature (trees never split on it, and dropping it would change the feature
        // sampling of every model trained on such data), but the user should know the model cannot learn from it.
        foreach (var column in features.Columns)
        {
            if (column.Length > 0 && column.MissingCount == 0 && Featurizer.IsConstant(column))
            {
                warnings.Add($"Column '{column.Name}' has the same value ({column.FormatCell(0)}) in every row: nothing can be learned from it until it varies (it is kept, and its drift is watched).");
            }
        }

        if (featurizer.Columns.Count == 0)
        {
            throw new AutoMLException(
                AutoMLErrorCode.NoUsableFeatures,
                $"No feature column is usable, so there is nothing to learn from. {string.Join(" ", warnings)}");
        }

        var classes = labels.Task == AutoMLTask.Regression ? null : labels.EncodeClasses(labelColumn);
        var targets = labels.Task == AutoMLTask.Regression ? LabelMapping.EncodeTargets(labelColumn) : null;
        var method = ValidationPlan.Decide(options.Validation, data.RowCount, featurizer.Columns.Count, options.TimeBudget);
        var plan = ValidationPlan.Create(method, classes, data.RowCount, options.Folds, options.HoldoutFraction, options.Seed);
        var prepared = new PreparedData(featurizer, labels, impute => featurizer.Transform(features, impute), classes, targets, data.RowCount);
        // Below 100k rows one thread is about as fast, and far faster on a busy machine (OpenMP threads spin-wait).
        var threads = options.Threads ?? (data.RowCount < SmallDataRows ? 1 : Environment.ProcessorCount);
        using var runner = new TrialRunner(prepared, plan, metric, threads, options.Seed, options.EarlyStopping);

        if (learners.OfType<LightGbmLearner>().ToList() is { Count: > 0 } lightGbm)
        {
            runner.PrepareNative(lightGbm);
        }

        if (options.TimeBudget is not null && learners.OfType<MlNetLearner>().FirstOrDefault() is { } mlNet)
        {
            WarmUp(runner, mlNet, prepared.Rows, clock, cancellation);
        }

        var states = CreateStates(learners, labels.Task, runner.FullTrainSize, method, options);
        var loop = new SearchLoop(runner, states, options, clock, plan.Folds.Count);
        loop.Run(data.RowCount, cancellation);

        var best = loop.Best;
        if (best is null)
        {
            cancellation.ThrowIfCancellationRequested();
            throw new AutoMLException(
                AutoMLErrorCode.BudgetTooSmall,
                loop.Trials.Count == 0
                    ? "The time budget ended before any trial could start; raise --time-budget."
                    : $"No trial finished successfully within the budget ({loop.Trials.Count} tried; last: {loop.Trials[^1].Error ?? "no score"}).");
        }

        // Members are refitted one after another; the search reserved time for the best model's refit only.
        var refitLeft = options.RefitOnAllRows && clock.Budget is { } budget ? (budget * 1.05) - clock.Elapsed : double.PositiveInfinity;
        var (members, blendLoss) = options.Blend
            ? Blender.Choose(states, runner, best.State, c => loop.RefitEstimate(c.Outcome, data.RowCount), refitLeft)
            : ([new BlendMember(new Candidate(best.State.Learner, best.Trial.Config, best.Trial.Loss, best.Outcome.TrainRows, best.Outcome), 1.0)], best.Trial.Loss);
        var (models, refitted) = FinalModels(runner, members, loop, data.RowCount, clock, options, cancellation, warnings);
        var manifest = new BundleManifest
        {
            CreatedUtc = options.TimeProvider.GetUtcNow(),
            Task = labels.Task,
            Metric = MetricEvaluator.Name(metric),
            LabelColumn = labels.LabelColumn,
            Classes = labels.Classes,
            Learner = string.Join("+", members.Select(m => m.Candidate.Learner.Name)),
            Config = members[0].Candidate.Config,
            ValidationLoss = blendLoss,
            ValidationMethod = method.ToString(),
            Metrics = new Dictionary<string, double>
            {
                ["validation_" + MetricEvaluator.Name(metric)] = MetricEvaluator.HigherIsBetter(metric) ? 1 - blendLoss : blendLoss,
            },
            InputSchema = features.Columns.Select(c => new InputColumn(c.Name, c.Kind.ToString())).ToArray(),
            ImputedFeatures = best.State.Learner.NeedsImputation,
            TrainingRows = refitted ? data.RowCount : best.Outcome.TrainRows,
            Members = members.Select((m, i) => new BundleMember(
                m.Candidate.Learner.Name, m.Candidate.Config, m.Weight, m.Candidate.Learner.NeedsImputation, models[i].FileName(i), models[i].Format)).ToArray(),
        };

        return new AutoMLResult
        {
            Task = labels.Task,
            Metric = metric,
            BestLearner = best.State.Learner.Name,
            BestConfig = best.Trial.Config,
            BestLoss = best.Trial.Loss,
            BestPerLearner = states.Select(s => new LearnerSummary(
                s.Learner.Name,
                s.BestConfig,
                s.BestLoss,
                s.Trials,
                TimeSpan.FromSeconds(loop.Trials.Where(t => t.Learner == s.Learner.Name).Sum(t => t.Duration.TotalSeconds)))).ToArray(),
            Trials = loop.Trials,
            Model = new ModelBundle(models, featurizer, labels, manifest),
            FinalValidationLoss = blendLoss,
            ValidationMethod = method,
            RefittedOnAllRows = refitted,
            Elapsed = TimeSpan.FromSeconds(clock.Elapsed),
            Warnings = warnings,
        };
    }

    /// <summary>Refits each member on all rows when the budget allows; otherwise keeps the model from its best trial.</summary>
    private static (IReadOnlyList<MemberModel> Models, bool Refitted) FinalModels(
        TrialRunner runner, IReadOnlyList<BlendMember> members, SearchLoop loop, int rows, BudgetClock clock, AutoMLOptions options, CancellationToken cancellation, List<string> warnings)
    {
        var models = new List<MemberModel>();
        var allRefitted = true;
        foreach (var member in members)
        {
            var candidate = member.Candidate;
            var outcome = candidate.Outcome;

            // The model trained during the trial (a LightGBM trial's as model text: every trial that could become a member
            // kept it, see LearnerState.WouldKeep).
            MemberModel Fallback() => outcome switch
            {
                { Model: { } model } => new MlNetModel(outcome.Context!, model),
                { LightGbmText: { } text } => LightGbmModel.FromText(text),
                _ => throw new InvalidOperationException($"The {candidate.Learner.Name} trial kept no model to fall back on."),
            };

            if (!options.RefitOnAllRows)
            {
                models.Add(Fallback());
                allRefitted = false;
                continue;
            }

            if (cancellation.IsCancellationRequested)
            {
                warnings.Add($"Cancelled: kept the {candidate.Learner.Name} model of its trial (trained on the trial's rows) instead of refitting on all rows.");
                models.Add(Fallback());
                allRefitted = false;
                continue;
            }

            // A refit scaled up from a small sample is timed on all rows before it is ruled out (SearchLoop.Reserve).
            if (clock.Elapsed + loop.RefitEstimate(outcome, rows) > clock.HardLimit
                && clock.Elapsed + loop.MeasureRefit(candidate.Learner, candidate.Config, outcome, rows, clock.HardLimit, cancellation) > clock.HardLimit)
            {
                warnings.Add($"Not enough budget left to refit {candidate.Learner.Name} on all rows; kept the model of its trial (trained on the trial's rows).");
                models.Add(Fallback());
                allRefitted = false;
                continue;
            }

            using var deadline = clock.Until(clock.HardLimit, cancellation);
            try
            {
                var token = deadline.Token;
                models.Add(Watchdog.Run(() => runner.Refit(candidate.Learner, candidate.Config, token), token));
            }
            catch (OperationCanceledException)
            {
                warnings.Add($"The refit of {candidate.Learner.Name} on all rows did not finish within the budget; kept the model of its trial (trained on the trial's rows).");
                models.Add(Fallback());
                allRefitted = false;
            }
        }

        return (models, allRefitted);
    }

    /// <summary>
    /// The first ML.NET fit in a process pays for JIT compilation (0.3–1 s). Doing it on a few rows before the search
    /// keeps that cost out of the first ML.NET learner's trial times, which ECI would otherwise read as a slow learner.
    /// LightGBM learners train through LightGBM's C API and need no warm-up.
    /// </summary>
    /// <summary>
    /// Fits one ML.NET model on a few rows so the first timed trial does not pay for JIT compilation. It only makes
    /// timings fair, so it may use at most <see cref="WarmUpShare"/> of the budget: unbounded, one-versus-all on
    /// hundreds of classes once spent 18 s of a 5 s budget here before the search began.
    /// </summary>
    private static void WarmUp(TrialRunner runner, MlNetLearner learner, int rows, BudgetClock clock, CancellationToken cancellation)
    {
        var sample = Enumerable.Range(0, Math.Min(rows, 64)).ToArray();
        var config = learner.CreateSearchSpace(AutoMLTask.Auto, rows).InitialConfig();
        using var deadline = clock.Until((clock.Budget ?? double.PositiveInfinity) * WarmUpShare, cancellation);
        try
        {
            var token = deadline.Token;
            Watchdog.Run(() => runner.WarmUp(learner, config, sample, token), token);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Warm-up is best effort: a failure here shows up again, properly reported, in the first trial; a
            // cancellation by the caller is seen by the search loop.
        }
    }

    /// <summary>The learners to search: the named ones or the defaults, without infeasible one-versus-all learners.</summary>
    private static IReadOnlyList<Learner> LearnersFor(LabelMapping labels, AutoMLOptions options, List<string> warnings)
    {
        var learners = SearchLoop.Resolve(options.Learners);
        if (labels.Task != AutoMLTask.Multiclass || labels.ClassCount <= MaxOneVersusAllClasses)
        {
            return learners;
        }

        var perClass = learners.Where(l => l.TrainsOneModelPerClass).Select(l => l.Name).ToArray();
        if (perClass.Length == 0)
        {
            return learners;
        }

        var why = $"{string.Join(" and ", perClass)} train{(perClass.Length == 1 ? "s" : "")} one model per class, so with {labels.ClassCount} label classes (more than {MaxOneVersusAllClasses}) every trial would be {labels.ClassCount} fits";
        if (options.Learners is { Count: > 0 })
        {
            throw new AutoMLException(AutoMLErrorCode.InvalidOptions,
                $"Learner{(perClass.Length == 1 ? "" : "s")} {why}. Choose among lgbm, xt, linear and lgbm_linear for this label.");
        }

        warnings.Add($"Left out of the search: {why}.");
        return learners.Where(l => !l.TrainsOneModelPerClass).ToArray();
    }

    private static List<LearnerState> CreateStates(IReadOnlyList<Learner> learners, AutoMLTask task, int fullTrain, ValidationMethod method, AutoMLOptions options)
    {
        // FLAML samples only on holdout and only when the data is several times the initial sample.
        var sample = method == ValidationMethod.Holdout && fullTrain > (long)options.InitialSampleSize * LearnerSelector.SampleMultiplyFactor
            ? options.InitialSampleSize
            : fullTrain;
        var states = new List<LearnerState>();
        for (var i = 0; i < learners.Count; i++)
        {
            var learner = learners[i];
            var space = learner.CreateSearchSpace(task, fullTrain);
            var warm = (options.StartingPoints ?? [])
                .Where(p => string.Equals(p.Learner, learner.Name, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Config);
            var search = new Flow2(space, warm, new Random(unchecked((options.Seed * 1_000_003) + i)));
            states.Add(new LearnerState(learner, space, search, sample));
        }

        // Learners with warm starts go first, like FLAML's points_to_evaluate.
        var warmNames = (options.StartingPoints ?? []).Select(p => p.Learner).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return states.OrderBy(s => warmNames.Contains(s.Learner.Name) ? 0 : 1).ToList();
    }

    private static void CheckOptions(AutoMLOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Label))
        {
            throw new AutoMLException(AutoMLErrorCode.InvalidOptions, "A label column name is required.");
        }

        if (o.TimeBudget is null && o.MaxTrials is null)
        {
            throw new AutoMLException(AutoMLErrorCode.InvalidOptions, "Set a time budget, a maximum trial count, or both.");
        }

        if (o.TimeBudget is { } b && b <= TimeSpan.Zero)
        {
            throw new AutoMLException(AutoMLErrorCode.BudgetTooSmall, $"The time budget must be positive (got {b.TotalSeconds} s).");
        }

        if (o.MaxTrials is < 1)
        {
            throw new AutoMLException(AutoMLErrorCode.InvalidOptions, "MaxTrials must be at least 1.");
        }

        if (o.Folds < 2)
        {
            throw new AutoMLException(AutoMLErrorCode.InvalidOptions, "Cross-validation needs at least 2 folds.");
        }

        if (o.HoldoutFraction is <= 0 or >= 1)
        {
            throw new AutoMLException(AutoMLErrorCode.InvalidOptions, "HoldoutFraction must be between 0 and 1.");
        }
    }
}
