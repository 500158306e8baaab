using Vigil.AutoML.Learners;
using Vigil.AutoML.SearchSpaces;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Search;

/// <summary>A finished trial kept as a possible blend member: its configuration, loss, sample and validation predictions.</summary>
internal sealed record Candidate(Learner Learner, IReadOnlyDictionary<string, double> Config, double Loss, int SampleSize, TrialOutcome Outcome);

/// <summary>Per-learner bookkeeping for ECI: losses, when the best was found, and the cost spent.</summary>
internal sealed class LearnerState
{
    public LearnerState(Learner learner, SearchSpace space, Flow2 search, int sampleSize)
    {
        Learner = learner;
        Space = space;
        Search = search;
        SampleSize = sampleSize;
    }

    public Learner Learner { get; }

    public SearchSpace Space { get; }

    public Flow2 Search { get; }

    public int SampleSize { get; set; }

    /// <summary>Seconds of this learner's finished trials by size, to skip ones that cannot finish in time.</summary>
    public TrialCostModel Costs { get; } = new();

    public int Trials { get; private set; }

    public double BestLoss { get; private set; } = double.PositiveInfinity;

    /// <summary>The best loss before the latest improvement (FLAML's best_loss_old).</summary>
    public double BestLossOld { get; private set; } = double.PositiveInfinity;

    public IReadOnlyDictionary<string, double>? BestConfig { get; private set; }

    public int BestSampleSize { get; private set; }

    /// <summary>The trial outcome behind <see cref="BestLoss"/> (its model and validation predictions, for blending).</summary>
    public TrialOutcome? BestOutcome { get; private set; }

    public double TotalCost { get; private set; }

    public double CostAtBest { get; private set; }

    public double CostAtBestOld { get; private set; }

    /// <summary>Cost of the trial that produced the best loss (FLAML's time2eval_best).</summary>
    public double CostOfBestTrial { get; private set; }

    /// <summary>Wall seconds of the trial that produced the best loss (for refit estimates).</summary>
    public double SecondsOfBestTrial { get; private set; }

    /// <summary>FLAML's estimated_cost4improvement: max(gap between the last two bests, cost since the last best).</summary>
    public double CostForImprovement => Math.Max(CostAtBest - CostAtBestOld, TotalCost - CostAtBest);

    public bool Tried => Trials > 0 && !double.IsPositiveInfinity(BestLoss);

    /// <summary>How many of a learner's best trials are kept as blend candidates.</summary>
    public const int TopCount = 3;

    private readonly List<Candidate> _top = [];

    /// <summary>This learner's best few trials (lowest loss first) with their models, for the final blend.</summary>
    public IReadOnlyList<Candidate> Top => _top;

    /// <summary>Smallest relative loss decrease that counts as progress for ECI.</summary>
    public const double MinRelativeGain = 1e-3;

    /// <summary>Records a finished trial; returns true when it improved this learner's best.</summary>
    public bool Record(IReadOnlyDictionary<string, double> config, double loss, double cost, double seconds, int sampleSize, bool fullSize, TrialOutcome? outcome)
    {
        Trials++;
        TotalCost += cost;
        KeepTop(config, loss, sampleSize, outcome);
        // Losses on a smaller sample are not comparable with full-size ones: a full-size result always replaces them.
        var replacesSmaller = fullSize && BestSampleSize < sampleSize && BestConfig is not null;
        if (loss < BestLoss || replacesSmaller)
        {
            // ECI's bookkeeping moves only on a real improvement: a converged search (e.g. linear's 2-D space) keeps
            // finding 0.01 %-better neighbours, which would otherwise keep its cost for improvement tiny and starve the
            // learners that are still improving (on diabetes linear took 150+ of 250 trials for a 0.1 % gain).
            if (replacesSmaller || double.IsPositiveInfinity(BestLoss) || loss < BestLoss - (MinRelativeGain * Math.Abs(BestLoss)))
            {
                BestLossOld = double.IsPositiveInfinity(BestLoss) ? 2 * loss : BestLoss;
                CostAtBestOld = CostAtBest;
                CostAtBest = TotalCost;
            }

            BestLoss = loss;
            BestConfig = config;
            BestSampleSize = sampleSize;
            CostOfBestTrial = cost;
            SecondsOfBestTrial = seconds;
            BestOutcome = outcome;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether a trial with this loss and sample would become this learner's best or join <see cref="Top"/>, that is
    /// whether its model may be needed after the search (as a blend member or a fallback).
    /// </summary>
    public bool WouldKeep(double loss, int sampleSize)
    {
        if (!double.IsFinite(loss))
        {
            return false;
        }

        if (loss < BestLoss || _top.Count == 0 || _top[0].SampleSize < sampleSize || BestSampleSize < sampleSize)
        {
            return true;
        }

        // ≤: a tie with the worst of the best few may displace it (the sort does not keep order among equal losses).
        return _top[0].SampleSize == sampleSize && (_top.Count < TopCount || loss <= _top[^1].Loss);
    }

    private void KeepTop(IReadOnlyDictionary<string, double> config, double loss, int sampleSize, TrialOutcome? outcome)
    {
        if (outcome is null || !double.IsFinite(loss))
        {
            return;
        }

        // A larger sample makes earlier candidates incomparable (the blend only mixes predictions on the same rows).
        _top.RemoveAll(c => c.SampleSize < sampleSize);
        if (_top.Count > 0 && _top[0].SampleSize > sampleSize)
        {
            return;
        }

        _top.Add(new Candidate(Learner, config, loss, sampleSize, outcome));
        _top.Sort((a, b) => a.Loss.CompareTo(b.Loss));
        if (_top.Count > TopCount)
        {
            _top.RemoveAt(_top.Count - 1);
        }
    }
}
