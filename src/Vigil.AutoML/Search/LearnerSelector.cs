namespace Vigil.AutoML.Search;

/// <summary>
/// Chooses the next learner by estimated cost for improvement (ECI, FLAML MLSys'21). A learner never tried
/// gets its relative cost × the first trial's cost; the cheapest untried learner is taken as soon as it is
/// the minimum. Otherwise learners are sampled with probability ∝ 1/ECI, where ECI is the larger of the cost
/// for the learner to improve itself and 2 × gap to the global best ÷ its recent speed of improvement.
/// </summary>
internal static class LearnerSelector
{
    /// <summary>FLAML's sample multiply factor bounds the ECI of a learner still on a sample.</summary>
    public const int SampleMultiplyFactor = 4;

    public static LearnerState? Select(IReadOnlyList<LearnerState> states, double globalBest, double baseCost, double remainingCost, int fullSize, Random random)
    {
        var inverse = new double[states.Count];
        double minCost = double.PositiveInfinity;
        LearnerState? cheapest = null;
        var untried = false;
        for (var i = 0; i < states.Count; i++)
        {
            var s = states[i];
            double cost;
            if (s.Tried)
            {
                if (s.CostOfBestTrial > remainingCost)
                {
                    continue; // cannot even re-run its best trial in the time left
                }

                cost = s.CostForImprovement;
                if (s.SampleSize < fullSize)
                {
                    cost = Math.Min(cost, s.CostOfBestTrial * Math.Min(SampleMultiplyFactor, (double)fullSize / s.SampleSize));
                }

                var gap = s.BestLoss - globalBest;
                if (gap > 0)
                {
                    var deltaLoss = s.BestLossOld - s.BestLoss;
                    if (deltaLoss <= 0 || double.IsInfinity(deltaLoss))
                    {
                        deltaLoss = Math.Abs(s.BestLoss) > 0 ? Math.Abs(s.BestLoss) : 1e-10;
                    }

                    var deltaCost = s.TotalCost - s.CostAtBestOld;
                    var speed = deltaLoss / (deltaCost > 0 ? deltaCost : 1e-10);
                    if (speed > 0)
                    {
                        cost = Math.Max(cost, 2 * gap / speed);
                    }
                }

                cost = Math.Max(cost, 1e-9);
                inverse[i] = 1 / cost;
            }
            else
            {
                if (s.Trials > 0 && s.TotalCost > remainingCost)
                {
                    continue;
                }

                cost = s.Learner.RelativeCost * baseCost * (s.Trials + 1);
                untried = true;
            }

            if (cost < minCost)
            {
                minCost = cost;
                cheapest = s;
            }
        }

        if (cheapest is not null && (untried || inverse.All(v => v == 0)) && !cheapest.Tried)
        {
            return cheapest;
        }

        var total = inverse.Sum();
        if (total <= 0)
        {
            return cheapest;
        }

        var p = random.NextDouble() * total;
        double q = 0;
        for (var i = 0; i < inverse.Length; i++)
        {
            q += inverse[i];
            if (inverse[i] > 0 && p < q)
            {
                return states[i];
            }
        }

        return states.LastOrDefault(s => s.Tried) ?? cheapest;
    }
}
