using Vigil.AutoML.Training;

namespace Vigil.AutoML.Search;

/// <summary>A trial's model taking part in the final prediction, with its weight.</summary>
internal sealed record BlendMember(Candidate Candidate, double Weight);

/// <summary>
/// After the search, builds a weighted average of the learners' best few models (<see cref="LearnerState.Top"/>; several
/// configurations of one learner also average out each other's variance) by greedy ensemble selection with
/// replacement (after Caruana et al., ICML'04) on the same validation predictions the trials were scored on: start from
/// the best model, repeatedly mix in the model (possibly one already in) and share of 1/8–1/2 that lowers the blend's
/// loss most, stop when none does or after <see cref="MaxRounds"/> additions. Plain Caruana gives the second model half
/// the weight at once, which on diabetes never beat linear alone; smaller shares let a weaker family add a little.
/// Different families err differently, so on small or noisy data the average often beats any single model; it is
/// kept only when its validation loss is clearly lower.
/// (FLAML's default is a single model; this is an addition.)
/// </summary>
internal static class Blender
{
    /// <summary>At most this many additions (a model may be added again, shifting weight towards it).</summary>
    private const int MaxRounds = 4;

    /// <summary>Share of the blend an added model takes; a coarse grid keeps the weights from fitting validation noise.</summary>
    private static readonly double[] Shares = [0.125, 0.25, 0.375, 0.5];

    /// <summary>Required relative improvement over the best single model.</summary>
    private const double MinGain = 0.002;

    /// <summary>
    /// Chooses the blend. <paramref name="refitSeconds"/> estimates a member's final refit; a model joins only while all
    /// members' refits fit in <paramref name="secondsLeft"/> (on elec a late rf member could not be refitted and the blend
    /// of 90 %-data models scored below the refitted single model).
    /// </summary>
    public static (IReadOnlyList<BlendMember> Members, double Loss) Choose(
        IReadOnlyList<LearnerState> states, TrialRunner runner, LearnerState best, Func<Candidate, double>? refitSeconds = null, double secondsLeft = double.PositiveInfinity)
    {
        var first = best.Top.Count > 0
            ? best.Top[0]
            : new Candidate(best.Learner, best.BestConfig!, best.BestLoss, best.BestSampleSize, best.BestOutcome!);
        IReadOnlyList<BlendMember> single = [new BlendMember(first, 1.0)];
        var bestLoss = first.Loss;
        if (bestLoss <= 0)
        {
            return (single, bestLoss);
        }

        // Only models scored on the same rows can be averaged (a holdout learner may still be on a sample).
        var pool = states
            .SelectMany(s => s.Top)
            .Where(c => c != first && c.SampleSize == first.SampleSize)
            .OrderBy(c => c.Loss)
            .Prepend(first)
            .ToList();
        if (pool.Count < 2)
        {
            return (single, bestLoss);
        }

        var weights = new double[pool.Count];
        weights[0] = 1;
        var refitTotal = refitSeconds?.Invoke(first) ?? 0;
        var current = first.Outcome.FoldPredictions;
        var currentLoss = bestLoss;
        for (var round = 0; round < MaxRounds; round++)
        {
            var (choice, share) = (-1, 0.0);
            IReadOnlyList<Predictions>? choicePredictions = null;
            var choiceLoss = currentLoss;
            for (var c = 0; c < pool.Count; c++)
            {
                if (weights[c] == 0 && refitSeconds is not null && refitTotal + refitSeconds(pool[c]) > secondsLeft)
                {
                    continue;
                }

                foreach (var a in Shares)
                {
                    var candidate = Mix(current, pool[c].Outcome.FoldPredictions, 1 - a);
                    var loss = runner.Loss(candidate);
                    if (loss < choiceLoss)
                    {
                        (choice, share) = (c, a);
                        choicePredictions = candidate;
                        choiceLoss = loss;
                    }
                }
            }

            if (choice < 0)
            {
                break;
            }

            if (weights[choice] == 0 && refitSeconds is not null)
            {
                refitTotal += refitSeconds(pool[choice]);
            }

            for (var c = 0; c < pool.Count; c++)
            {
                weights[c] *= 1 - share;
            }

            weights[choice] += share;
            current = choicePredictions!;
            currentLoss = choiceLoss;
        }

        if (currentLoss >= bestLoss * (1 - MinGain) || weights.Count(w => w > 0) < 2)
        {
            return (single, bestLoss);
        }

        var members = pool
            .Select((c, i) => new BlendMember(c, weights[i]))
            .Where(m => m.Weight > 0)
            .OrderBy(m => m.Candidate == first ? 0 : 1).ThenByDescending(m => m.Weight)
            .ToList();
        return (members, currentLoss);
    }

    /// <summary>w·a + (1 − w)·b per fold (probabilities stay normalised; regression values are averaged).</summary>
    public static IReadOnlyList<Predictions> Mix(IReadOnlyList<Predictions> a, IReadOnlyList<Predictions> b, double w)
    {
        var result = new List<Predictions>(a.Count);
        for (var f = 0; f < a.Count; f++)
        {
            result.Add(Mix(a[f], b[f], w));
        }

        return result;
    }

    public static Predictions Mix(Predictions a, Predictions b, double w)
    {
        var values = new double[a.Values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (w * a.Values[i]) + ((1 - w) * b.Values[i]);
        }

        return a with { Values = values };
    }
}
