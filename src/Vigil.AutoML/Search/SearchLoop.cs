using System.Globalization;
using Vigil.AutoML.Learners;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Search;

/// <summary>The best trial so far with the model it trained (the fallback when the final refit cannot run).</summary>
internal sealed record BestTrial(LearnerState State, Trial Trial, TrialOutcome Outcome);

/// <summary>
/// The sequential search: pick a learner by ECI, ask its FLOW2 for a configuration, evaluate, feed back.
/// Stops at the trial limit, when the budget minus the estimated refit time is used up, or on cancellation.
/// </summary>
internal sealed class SearchLoop
{
    private readonly TrialRunner _runner;
    private readonly IReadOnlyList<LearnerState> _states;
    private readonly AutoMLOptions _options;
    private readonly BudgetClock _clock;
    private readonly Random _random;
    private readonly List<Trial> _trials = [];
    private readonly int _foldCount;
    private const double FirstLookShare = 0.1;

    /// <summary>Only on small data is a look at every learner cheap enough; on larger data ECI alone decides, as in FLAML.</summary>
    private const int FirstLookMaxRows = 10_000;

    private double _baseCost;

    /// <summary>Refit estimates measured on all rows instead of scaled from a sample (see <see cref="Reserve"/>), by trial.</summary>
    private readonly Dictionary<TrialOutcome, double> _measuredRefits = new(ReferenceEqualityComparer.Instance);

    /// <summary>A LightGBM refit estimate scaled up from a sample this many times smaller (or more) is measured before it may keep back most of the time left.</summary>
    internal const int MeasureAboveScaling = 4;

    /// <summary>
    /// Such an estimate is measured once it would keep back this share of the time left: not only when it ends the
    /// search, because a search whose time left is mostly reserved also stops, for want of time for any trial.
    /// </summary>
    private const double MeasureAboveShare = 0.5;

    /// <summary>Margin on a refit estimate (scaled or measured).</summary>
    private const double RefitMargin = 1.3;

    public SearchLoop(TrialRunner runner, IReadOnlyList<LearnerState> states, AutoMLOptions options, BudgetClock clock, int foldCount)
    {
        _runner = runner;
        _states = states;
        _options = options;
        _clock = clock;
        _foldCount = foldCount;
        _random = new Random(unchecked((options.Seed * 7919) + 17));
    }

    public IReadOnlyList<Trial> Trials => _trials;

    public BestTrial? Best { get; private set; }

    /// <summary>Seconds a refit of the current best on all rows is expected to take (with margin).</summary>
    public double RefitEstimate(int fullRows) => Best is null ? 0 : RefitEstimate(Best.Outcome, fullRows);

    /// <summary>
    /// Seconds a refit of a trial's configuration on all rows is expected to take: one fit scaled by rows, with margin.
    /// LightGBM refits train natively on the run's binned rows, like its trials, so no data conversion is added
    /// (through ML.NET it cost 77 ms on elec's 32 000 rows).
    /// </summary>
    public double RefitEstimate(TrialOutcome outcome, int fullRows)
    {
        if (_measuredRefits.TryGetValue(outcome, out var measured))
        {
            return measured;
        }

        var perFit = outcome.Seconds / _foldCount;
        return RefitMargin * perFit * Math.Max(1.0, (double)fullRows / Math.Max(1, outcome.TrainRows));
    }

    public void Run(int fullRows, CancellationToken cancellation)
    {
        var full = _runner.FullTrainSize;
        while (!cancellation.IsCancellationRequested)
        {
            if (_options.MaxTrials is { } max && _trials.Count >= max)
            {
                break;
            }

            var reserve = Reserve(fullRows, cancellation);
            var remaining = _clock.Budget is { } b ? b - _clock.Elapsed - reserve : double.PositiveInfinity;
            if (remaining <= 0 && Best is not null)
            {
                break;
            }

            var remainingCost = _clock.Budget is null ? double.PositiveInfinity : remaining;
            var state = FirstLook(remaining)
                ?? LearnerSelector.Select(_states, Best?.Trial.Loss ?? double.PositiveInfinity, _baseCost, remainingCost, full, _random);
            if (state is null)
            {
                break;
            }

            if (!RunTrial(state, full, fullRows, reserve, cancellation))
            {
                break;
            }
        }
    }

    /// <summary>
    /// Seconds kept back for the final refit of the current best. A refit that would not fit in the budget even if
    /// started now is not waited for: the best trial's own model is shipped then, so the time is better spent searching
    /// (on large data the sample grows, and later trials train on more rows). Before, on 500 000 rows, a 0.8 s trial
    /// on a 10 000-row sample asked for a 58 s refit: the 30 s search stopped at 9 s and the refit never ran.
    /// <para>
    /// Scaling a trial's time by rows overestimates refits from small samples: a tree's split search costs the same on
    /// 10 000 rows as on 500 000, and only its histograms grow with the rows. On 500 000 rows, a LightGBM trial of
    /// 0.4 s on a 10 000-row sample scaled to a 26 s refit; the 30 s search stopped at 6 s, and the refit took 2 s.
    /// So before a LightGBM estimate scaled <see cref="MeasureAboveScaling"/> times or more may keep back most of the
    /// time left (or rule the refit out), the configuration's first two rounds on all rows are timed, and the estimate becomes
    /// set-up + first round + the remaining rounds at the second round's time (with the same margin), if lower.
    /// </para>
    /// </summary>
    private double Reserve(int fullRows, CancellationToken cancellation)
    {
        if (!_options.RefitOnAllRows)
        {
            return 0;
        }

        var estimate = RefitEstimate(fullRows);
        if (Best is { } best && _clock.Budget is { } budget && estimate > MeasureAboveShare * (budget - _clock.Elapsed))
        {
            estimate = MeasureRefit(best.State.Learner, best.Trial.Config, best.Outcome, fullRows, budget, cancellation);
        }

        return RefitReserve(estimate, _clock.Elapsed, _clock.HardLimit);
    }

    /// <summary>
    /// The refit estimate of a trial's configuration, measured on all rows when it is a LightGBM estimate scaled from a
    /// sample <see cref="MeasureAboveScaling"/> times smaller or more (see <see cref="Reserve"/>); measured once per trial.
    /// The timing stops at <paramref name="deadline"/>; the scaled estimate stays when it is lower or the timing was cut off.
    /// </summary>
    public double MeasureRefit(Learner learner, IReadOnlyDictionary<string, double> config, TrialOutcome outcome, int fullRows, double deadline, CancellationToken cancellation)
    {
        var estimate = RefitEstimate(outcome, fullRows);
        if (learner is not LightGbmLearner lightGbm || (long)outcome.TrainRows * MeasureAboveScaling > fullRows || _measuredRefits.ContainsKey(outcome))
        {
            return estimate;
        }

        using var timing = _clock.Until(deadline, cancellation);
        try
        {
            var (first, next) = _runner.TimeRefitRounds(lightGbm, config, timing.Token);
            estimate = MeasuredRefitEstimate(first, next, LightGbmLearner.Rounds(config), estimate);
        }
        catch (OperationCanceledException)
        {
        }

        _measuredRefits[outcome] = estimate;
        return estimate;
    }

    /// <summary>Set-up and first round, then the other rounds at the second round's time, with margin; never above the scaled estimate.</summary>
    internal static double MeasuredRefitEstimate(double first, double next, int rounds, double scaled) =>
        Math.Min(scaled, RefitMargin * (first + (Math.Max(0, rounds - 1) * next)));

    /// <summary>The refit estimate when a refit started now would end by the hard limit, else 0 (see <see cref="Reserve"/>).</summary>
    internal static double RefitReserve(double refitEstimate, double elapsed, double hardLimit) =>
        elapsed + refitEstimate > hardLimit ? 0 : refitEstimate;

    /// <summary>
    /// Under a budget and on small data, every learner gets its low-cost trial early when that is expected to take at most a tenth
    /// of the remaining time (cheapest first): one cheap look is enough for ECI to judge it, and a learner that
    /// would win (e.g. linear models on small data) is not left untried just because LightGBM keeps improving.
    /// </summary>
    private LearnerState? FirstLook(double remaining)
    {
        if (_clock.Budget is null || _baseCost <= 0 || _runner.FullTrainSize > FirstLookMaxRows)
        {
            return null;
        }

        return _states
            .Where(s => s.Trials == 0 && s.Learner.RelativeCost * _baseCost <= FirstLookShare * remaining)
            .OrderBy(s => s.Learner.RelativeCost)
            .FirstOrDefault();
    }

    /// <summary>Runs one trial; false when the budget cut it off and the search should end.</summary>
    private bool RunTrial(LearnerState state, int full, int fullRows, double reserve, CancellationToken cancellation)
    {
        var config = state.Search.Suggest();
        var sample = Math.Min(state.SampleSize, full);
        var startedAt = _clock.Elapsed;

        // Without a finished trial, the first may use nearly all the slack; later ones must leave room for the refit.
        var deadline = Best is null ? _clock.HardLimit - 0.3 : Math.Min(_clock.Budget ?? double.PositiveInfinity, _clock.HardLimit - reserve);
        if (Best is not null && _clock.Budget is not null && state.Costs.Predict(config, sample) is { } expected && expected * TrialCostModel.Margin > deadline - startedAt)
        {
            // Larger than anything this learner finished and expected to be cut off: count it as failed without
            // running it, so FLOW2 turns to the opposite (smaller) direction.
            var skipped = new Trial(_trials.Count, state.Learner.Name, config, double.PositiveInfinity, TimeSpan.Zero, sample, TimeSpan.FromSeconds(startedAt),
                string.Create(CultureInfo.InvariantCulture, $"skipped: expected {expected:F1} s, {deadline - startedAt:F1} s left"));
            _trials.Add(skipped);
            state.Search.Report(config, double.PositiveInfinity);
            Report(skipped);
            return true;
        }

        using var trialDeadline = _clock.Until(deadline, cancellation);
        TrialOutcome? outcome = null;
        string? error = null;
        try
        {
            var token = trialDeadline.Token;
            outcome = Watchdog.Run(() => _runner.Run(state.Learner, config, sample, loss => state.WouldKeep(loss, sample), token), token);
        }
        catch (OperationCanceledException)
        {
            error = trialDeadline.TimedOut ? "cut off by the time budget" : "cancelled";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A configuration the trainer rejects (or crashes on) is a failed trial, not a failed fit.
            error = ex.GetType().Name + ": " + ex.Message;
        }

        var seconds = outcome?.Seconds ?? (_clock.Elapsed - startedAt);
        var loss = outcome?.Loss ?? double.PositiveInfinity;
        // A boosting trial that stopped early is recorded with the rounds it kept, so the refit (and a later warm
        // start) trains what was measured; FLOW2 still hears about the configuration it suggested.
        var recorded = outcome?.Rounds is int rounds ? WithRounds(config, rounds) : config;
        var trial = new Trial(_trials.Count, state.Learner.Name, recorded, loss, TimeSpan.FromSeconds(seconds), sample, TimeSpan.FromSeconds(startedAt), error);
        _trials.Add(trial);
        if (error is not null && outcome is null && (trialDeadline.TimedOut || cancellation.IsCancellationRequested))
        {
            Report(trial);
            return false;
        }

        // Cost: wall seconds under a budget; a deterministic proxy otherwise, so learner choice is reproducible.
        var cost = _clock.Budget is null ? state.Learner.RelativeCost * sample / full : seconds;
        // The cheapest trial seen, normalised by relative cost: the first trial alone would include JIT warm-up.
        if (cost > 0 && (_baseCost <= 0 || cost / state.Learner.RelativeCost < _baseCost))
        {
            _baseCost = cost / state.Learner.RelativeCost;
        }

        state.Record(recorded, loss, cost, seconds, sample, sample >= full, outcome);
        if (outcome is not null)
        {
            state.Costs.Add(config, sample, seconds);
        }

        state.Search.Report(config, loss);
        if (outcome is not null && !double.IsPositiveInfinity(loss) && (Best is null || loss < Best.Trial.Loss))
        {
            Best = new BestTrial(state, trial, outcome);
        }

        GrowSample(state, full);
        Report(trial);
        return true;
    }

    private static Dictionary<string, double> WithRounds(IReadOnlyDictionary<string, double> config, int rounds) =>
        new(config) { ["n_estimators"] = Math.Max(1, rounds) };

    /// <summary>FLAML-style sample growth: once the search on a sample stalls, move the incumbent to a ×4 larger sample.</summary>
    private static void GrowSample(LearnerState state, int full)
    {
        if (state.SampleSize < full && state.Search.StepReducedSinceLastCheck)
        {
            state.SampleSize = (int)Math.Min(full, (long)state.SampleSize * LearnerSelector.SampleMultiplyFactor);
            state.Search.ResetIncumbent();
        }

        state.Search.StepReducedSinceLastCheck = false;
    }

    private void Report(Trial trial) =>
        _options.Progress?.Invoke(new AutoMLProgress(
            trial,
            _trials.Count,
            Best?.State.Learner.Name,
            Best?.Trial.Loss ?? double.PositiveInfinity,
            TimeSpan.FromSeconds(_clock.Elapsed),
            _clock.Remaining));

    internal static IReadOnlyList<Learner> Resolve(IReadOnlyList<string>? names) =>
        names is null || names.Count == 0 ? Learner.Defaults : names.Select(Learner.FromName).Distinct().ToArray();
}
