using Vigil.AutoML.Learners;
using Vigil.AutoML.SearchSpaces;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Search;

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

    /// <summary>Records a finished trial; returns true when it improved this learner's best.</summary>
    public bool Record(IReadOnlyDictionary<string, double> config, double loss, double cost, double seconds, int sampleSize, bool fullSize, TrialOutcome? outcome)
    {
        Trials++;
        TotalCost += cost;
        // Losses on a smaller sample are not comparable with full-size ones: a full-size result always replaces them.
        var replacesSmaller = fullSize && BestSampleSize < sampleSize && BestConfig is not null;
        if (loss < BestLoss || replacesSmaller)
        {
            BestLossOld = double.IsPositiveInfinity(BestLoss) ? 2 * loss : BestLoss;
            BestLoss = loss;
            BestConfig = config;
            BestSampleSize = sampleSize;
            CostAtBestOld = CostAtBest;
            CostAtBest = TotalCost;
            CostOfBestTrial = cost;
            SecondsOfBestTrial = seconds;
            BestOutcome = outcome;
            return true;
        }

        return false;
    }
}
