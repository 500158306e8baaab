using Vigil.AutoML.Learners;
using Vigil.AutoML.Search;
using Vigil.AutoML.Training;

namespace Vigil.AutoML.Tests;

public class LearnerStateTests
{
    private static readonly IReadOnlyDictionary<string, double> Config = new Dictionary<string, double> { ["l1"] = 1, ["l2"] = 1 };

    [Fact]
    public void ATinyImprovementKeepsTheModelButNotTheEciProgress()
    {
        var state = NewState();
        state.Record(Config, 0.5, 1, 1, 100, true, Outcome(0.5));
        state.Record(Config, 0.4999, 1, 1, 100, true, Outcome(0.4999));
        Assert.Equal(0.4999, state.BestLoss);
        Assert.Equal(1, state.CostAtBest);   // 0.02 % better: ECI still counts from the first trial
        state.Record(Config, 0.45, 1, 1, 100, true, Outcome(0.45));
        Assert.Equal(3, state.CostAtBest);
    }

    [Fact]
    public void KeepsTheBestFewTrialsAndDropsSmallerSamples()
    {
        var state = NewState();
        state.Record(Config, 0.3, 1, 1, 50, false, Outcome(0.3));
        for (var i = 0; i < 5; i++)
        {
            state.Record(Config, 0.5 - (i * 0.01), 1, 1, 100, true, Outcome(0.5 - (i * 0.01)));
        }

        Assert.Equal(LearnerState.TopCount, state.Top.Count);
        Assert.All(state.Top, c => Assert.Equal(100, c.SampleSize));
        Assert.Equal([0.46, 0.47, 0.48], state.Top.Select(c => Math.Round(c.Loss, 6)));
    }

    private static LearnerState NewState()
    {
        var space = Learner.Linear.CreateSearchSpace(AutoMLTask.Regression, 100);
        return new LearnerState(Learner.Linear, space, new Flow2(space, [], new Random(1)), 100);
    }

    private static TrialOutcome Outcome(double loss) =>
        new(loss, 1, new Microsoft.ML.Data.TransformerChain<Microsoft.ML.ITransformer>(), null, 100, []);
}
