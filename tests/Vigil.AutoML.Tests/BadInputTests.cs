using Vigil.AutoML.Validation;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

public class BadInputTests
{
    [Fact]
    public void MissingLabelColumn()
    {
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(TestData.Binary(), TestData.Quick(label: "nope")));
        Assert.Equal(AutoMLErrorCode.LabelNotFound, ex.Code);
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleClassLabel()
    {
        var data = new Table([new NumericColumn("x", [1, 2, 3, 4]), CategoricalColumn.FromValues("y", ["a", "a", "a", "a"])]);
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(data, TestData.Quick()));
        Assert.Equal(AutoMLErrorCode.SingleClassLabel, ex.Code);
    }

    [Fact]
    public void LabelWithMissingValues()
    {
        var data = TestData.Regression();
        var y = ((NumericColumn)data["y"]).Values.ToArray();
        y[3] = double.NaN;
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(data.WithColumn(new NumericColumn("y", y)), TestData.Quick()));
        Assert.Equal(AutoMLErrorCode.MissingLabelValues, ex.Code);
    }

    [Theory]
    [InlineData(ValidationMethod.Holdout, 6)]
    [InlineData(ValidationMethod.CrossValidation, 8)]
    public void TooFewRowsForTheValidation(ValidationMethod method, int rows)
    {
        var data = TestData.Regression(rows: rows);
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(data, TestData.Quick() with { Validation = method }));
        Assert.Equal(AutoMLErrorCode.TooFewRows, ex.Code);
    }

    [Fact]
    public void ClassWithASingleRowIsTooFew()
    {
        var labels = Enumerable.Repeat<string?>("a", 20).Concat(Enumerable.Repeat<string?>("b", 19)).Append("c").ToArray();
        var data = new Table([new NumericColumn("x", Enumerable.Range(0, 40).Select(i => (double)i).ToArray()), CategoricalColumn.FromValues("y", labels)]);
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(data, TestData.Quick()));
        Assert.Equal(AutoMLErrorCode.TooFewRows, ex.Code);
    }

    [Fact]
    public void AllMissingColumnIsDroppedWithAWarning()
    {
        var data = TestData.Regression().WithColumn(new NumericColumn("empty", Enumerable.Repeat(double.NaN, 300).ToArray()));
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "lgbm"));
        Assert.Contains(result.Warnings, w => w.Contains("'empty'", StringComparison.Ordinal));
        Assert.DoesNotContain("empty", result.Model.Featurizer.Columns.Select(c => c.Column));
    }

    [Fact]
    public void OnlyAllMissingFeaturesIsAnError()
    {
        var data = new Table([new NumericColumn("empty", Enumerable.Repeat(double.NaN, 50).ToArray()), TestData.Regression(rows: 50)["y"]]);
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(data, TestData.Quick()));
        Assert.Equal(AutoMLErrorCode.NoUsableFeatures, ex.Code);
    }

    [Fact]
    public void AnIdentifierColumnIsDroppedWithAWarning()
    {
        var rows = TestData.Regression().RowCount;
        var data = TestData.Regression().WithColumn(CategoricalColumn.FromValues("id", Enumerable.Range(0, rows).Select(i => (string?)("u" + i)).ToArray()));
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "lgbm"));
        Assert.Contains(result.Warnings, w => w.Contains("'id'", StringComparison.Ordinal) && w.Contains("identifier", StringComparison.Ordinal));
        Assert.DoesNotContain("id", result.Model.Featurizer.Columns.Select(c => c.Column));
    }

    [Fact]
    public void OnlyAnIdentifierColumnIsAClearError()
    {
        var y = TestData.Regression(rows: 60)["y"];
        var data = new Table([CategoricalColumn.FromValues("id", Enumerable.Range(0, 60).Select(i => (string?)("u" + i)).ToArray()), y]);
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(data, TestData.Quick()));
        Assert.Equal(AutoMLErrorCode.NoUsableFeatures, ex.Code);
        Assert.Contains("'id'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TinyBudgetStillReturnsTheFirstFinishedTrial()
    {
        // Documented: the first trial may use the slack (budget × 1.1 + 2 s), so a tiny budget yields the low-cost model.
        var result = AutoMLEngine.Fit(TestData.Binary(), new AutoMLOptions { Label = "y", TimeBudget = TimeSpan.FromMilliseconds(1), Threads = 1 });
        Assert.NotEmpty(result.Trials);
        Assert.True(double.IsFinite(result.BestLoss));
    }

    [Fact]
    public void NonPositiveBudgetOrNoStoppingRuleIsRejected()
    {
        Assert.Equal(
            AutoMLErrorCode.BudgetTooSmall,
            Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(TestData.Binary(), new AutoMLOptions { Label = "y", TimeBudget = TimeSpan.Zero })).Code);
        Assert.Equal(
            AutoMLErrorCode.InvalidOptions,
            Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(TestData.Binary(), new AutoMLOptions { Label = "y", TimeBudget = null })).Code);
    }

    [Fact]
    public void UnknownLearnerIsRejected()
    {
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(TestData.Binary(), TestData.Quick(learners: "xgboost")));
        Assert.Equal(AutoMLErrorCode.UnknownLearner, ex.Code);
    }
}
