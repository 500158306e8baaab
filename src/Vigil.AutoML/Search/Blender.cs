using Vigil.AutoML.Training;

namespace Vigil.AutoML.Search;

/// <summary>A learner's best model taking part in the final prediction, with its weight.</summary>
internal sealed record BlendMember(LearnerState State, double Weight);

/// <summary>
/// After the search, tries a weighted average of the two best learners' models on the same validation
/// predictions the trials were scored on. Different model families err differently, so on small or noisy data
/// the average often beats either; it is kept only when its validation loss is clearly lower. A coarse weight grid
/// keeps the choice from fitting the validation noise. (FLAML's default is a single model; this is an addition.)
/// </summary>
internal static class Blender
{
    private static readonly double[] Weights = [0.25, 0.5, 0.75];

    /// <summary>Required relative improvement over the best single model.</summary>
    private const double MinGain = 0.005;

    public static (IReadOnlyList<BlendMember> Members, double Loss) Choose(IReadOnlyList<LearnerState> states, TrialRunner runner, LearnerState best)
    {
        IReadOnlyList<BlendMember> single = [new BlendMember(best, 1.0)];
        var bestLoss = best.BestLoss;
        var partner = states
            .Where(s => s != best && s.BestOutcome is { Model: not null } && double.IsFinite(s.BestLoss) && s.BestSampleSize == best.BestSampleSize)
            .OrderBy(s => s.BestLoss)
            .FirstOrDefault();
        if (partner is null || best.BestOutcome is null || bestLoss <= 0)
        {
            return (single, bestLoss);
        }

        var chosen = single;
        var chosenLoss = bestLoss;
        foreach (var w in Weights)
        {
            var blended = Mix(best.BestOutcome.FoldPredictions, partner.BestOutcome!.FoldPredictions, w);
            var loss = runner.Loss(blended);
            if (loss < chosenLoss && loss < bestLoss * (1 - MinGain))
            {
                chosenLoss = loss;
                chosen = [new BlendMember(best, w), new BlendMember(partner, 1 - w)];
            }
        }

        return (chosen, chosenLoss);
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
