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

    [Fact]
    public void WouldKeepExactlyTheTrialsThatJoinTheBestFew()
    {
        // A LightGBM trial keeps its model text only when Record would keep the trial (as best or in Top).
        var state = NewState();
        Assert.True(state.WouldKeep(0.9, 100));
        Assert.False(state.WouldKeep(double.PositiveInfinity, 100));
        foreach (var loss in new[] { 0.5, 0.4, 0.45 })
        {
            Assert.True(state.WouldKeep(loss, 100));
            state.Record(Config, loss, 1, 1, 100, true, Outcome(loss));
        }

        Assert.False(state.WouldKeep(0.6, 100));   // worse than the third best
        Assert.True(state.WouldKeep(0.47, 100));   // would replace 0.5
        Assert.True(state.WouldKeep(0.6, 400));    // a larger sample replaces all
        Assert.False(state.WouldKeep(0.42, 50));   // on a smaller sample it joins no Top and is not the best
        Assert.True(state.WouldKeep(0.1, 50));     // but a lower loss makes it the learner's best, whose model may be used
        state.Record(Config, 0.47, 1, 1, 100, true, Outcome(0.47));
        Assert.Equal([0.4, 0.45, 0.47], state.Top.Select(c => c.Loss));
    }

    private static LearnerState NewState()
    {
        var space = Learner.Linear.CreateSearchSpace(AutoMLTask.Regression, 100);
        return new LearnerState(Learner.Linear, space, new Flow2(space, [], new Random(1)), 100);
    }

    private static TrialOutcome Outcome(double loss) =>
        new(loss, 1, new Microsoft.ML.Data.TransformerChain<Microsoft.ML.ITransformer>(), null, 100, []);
}
