namespace Vigil.AutoML.Tests;

/// <summary>Runs alone: its assertion is about where the time of a budgeted search goes.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedSearchCollection
{
    public const string Name = "Timed search";
}

/// <summary>Refit estimates on large data: scaled from a sample, then timed on all rows before they may end the search.</summary>
[Collection(TimedSearchCollection.Name)]
public class RefitMeasurementTests
{
    [Theory]
    [InlineData(0.3, 0.05, 40, 26.0, 2.925)]  // 1.3 × (0.3 + 39 × 0.05): the measured estimate replaces the scaled one
    [InlineData(0.3, 0.05, 1, 26.0, 0.39)]    // one round: set-up and that round
    [InlineData(2.0, 1.0, 40, 10.0, 10.0)]    // never above the scaled estimate
    public void AMeasuredRefitEstimateCountsTheRoundsAtTheSecondRoundsTime(double first, double next, int rounds, double scaled, double expected)
    {
        Assert.Equal(expected, Vigil.AutoML.Search.SearchLoop.MeasuredRefitEstimate(first, next, rounds, scaled), 9);
    }

    [Fact]
    public void ARefitScaledFromASmallSampleDoesNotEndTheSearchEarly()
    {
        // 120 000 rows searched on 2 000-row samples: a trial's time scaled by 60 predicts a refit several times longer
        // than it takes (split finding does not grow with rows), and the search used to stop within the first second or two.
        // Timing the refit's first rounds on all rows lets the search go on and still refit.
        var data = TestData.TwoFeatures(rows: 120_000, seed: 21, (x1, x2) => Math.Sin(6 * x1) + (x2 * x2), noise: 0.3);
        var budget = TimeSpan.FromSeconds(6);
        var result = AutoMLEngine.Fit(data, new AutoMLOptions
        {
            Label = "y",
            TimeBudget = budget,
            Seed = 1,
            Learners = ["lgbm"],
            Validation = Vigil.AutoML.Validation.ValidationMethod.Holdout,
            InitialSampleSize = 2_000,
            Threads = 1,
            Blend = false,
        });
        Assert.True(result.RefittedOnAllRows, string.Join(" | ", result.Warnings));
        var lastStart = result.Trials.Max(t => t.StartedAt);
        Assert.True(lastStart > budget * 0.6, $"the search stopped at {lastStart.TotalSeconds:F1} s of {budget.TotalSeconds} s: " + string.Join("; ", result.Trials.Select(t => $"{t.StartedAt.TotalSeconds:F2} {t.Duration.TotalSeconds:F3} n={t.SampleSize} {t.Loss:F4} {t.Config["n_estimators"]}x{t.Config["num_leaves"]}")));
    }
}
