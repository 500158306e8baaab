namespace Vigil.AutoML.Tests;

/// <summary>
/// Refit estimates on large data: scaled from a sample, then timed on all rows before they may end the search.
/// The decision is tested here on given numbers; that a real 120 000-row search on 2 000-row samples goes on past
/// the first second or two and still refits is a wall-clock property, measured by `bench/Vigil.Bench automl-timing`
/// (docs/benchmarks.md, docs/automl.md).
/// </summary>
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
}
