using Vigil.AutoML.Validation;

namespace Vigil.AutoML.Tests;

public class SamplingTests
{
    [Fact]
    public void LargeHoldoutDataStartsOnASampleThatGrows()
    {
        var data = TestData.Binary(rows: 600);
        var options = TestData.Quick(trials: 60, learners: "lgbm") with { InitialSampleSize = 40, HoldoutFraction = 0.2 };
        var result = AutoMLEngine.Fit(data, options);
        Assert.Equal(40, result.Trials[0].SampleSize);
        Assert.Contains(result.Trials, t => t.SampleSize > 40);
        Assert.True(result.Trials.Select(t => t.SampleSize).SequenceEqual(result.Trials.Select(t => t.SampleSize).Order()));
    }

    [Fact]
    public void CrossValidationNeverSamples()
    {
        var result = AutoMLEngine.Fit(TestData.Binary(rows: 600), TestData.Quick(trials: 3, learners: "lgbm") with { InitialSampleSize = 40, Validation = ValidationMethod.CrossValidation });
        Assert.Equal(ValidationMethod.CrossValidation, result.ValidationMethod);
        Assert.All(result.Trials, t => Assert.Equal(480, t.SampleSize));
    }

    [Theory]
    [InlineData(300, 10, 30, ValidationMethod.CrossValidation)]
    [InlineData(36000, 16, 30, ValidationMethod.Holdout)]
    [InlineData(1437, 64, 10, ValidationMethod.Holdout)]
    [InlineData(200_000, 5, 3600, ValidationMethod.Holdout)]
    public void AutoValidationFollowsFlamlsRule(int rows, int features, int budgetSeconds, ValidationMethod expected) =>
        Assert.Equal(expected, ValidationPlan.Decide(ValidationMethod.Auto, rows, features, TimeSpan.FromSeconds(budgetSeconds)));
}
