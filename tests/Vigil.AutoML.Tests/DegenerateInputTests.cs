using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

/// <summary>Columns with nothing to learn and labels with very many classes are handled before any trial runs.</summary>
public class DegenerateInputTests
{
    [Fact]
    public void ConstantColumnsGetAWarningNamingTheValue_AndStayFeaturesSoModelsDoNotChange()
    {
        var rows = TestData.Regression().RowCount;
        var data = TestData.Regression()
            .WithColumn(new NumericColumn("five", Enumerable.Repeat(5.0, rows).ToArray()))
            .WithColumn(CategoricalColumn.FromValues("site", Enumerable.Repeat<string?>("north", rows).ToArray()));
        var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: "lgbm"));
        Assert.Contains(result.Warnings, w => w.Contains("'five' has the same value (5) in every row", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("'site' has the same value (north) in every row", StringComparison.Ordinal));
        var used = result.Model.Featurizer.Columns.Select(c => c.Column).ToArray();
        Assert.Contains("five", used);
        Assert.Contains("site", used);
        Assert.Contains("x1", used);
    }

    [Fact]
    public void AConstantColumnWithMissingCellsIsKept()
    {
        // Whether a cell is missing can carry signal, so one value plus blanks is not "nothing to learn".
        var rows = TestData.Regression().RowCount;
        var values = Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? double.NaN : 5.0).ToArray();
        var result = AutoMLEngine.Fit(TestData.Regression().WithColumn(new NumericColumn("sparse", values)), TestData.Quick(trials: 1, learners: "lgbm"));
        Assert.Contains("sparse", result.Model.Featurizer.Columns.Select(c => c.Column));
        Assert.DoesNotContain(result.Warnings, w => w.Contains("'sparse'", StringComparison.Ordinal));
    }

    private static Table ManyClasses(int classes, int perClass)
    {
        var random = new Random(5);
        var rows = classes * perClass;
        var x = Enumerable.Range(0, rows).Select(i => (i % classes) + random.NextDouble()).ToArray();
        var y = Enumerable.Range(0, rows).Select(i => (string?)("k" + (i % classes))).ToArray();
        return new Table([new NumericColumn("x", x), new NumericColumn("noise", x.Select(_ => random.NextDouble()).ToArray()), CategoricalColumn.FromValues("y", y)]);
    }

    [Fact]
    public void NamingAOneModelPerClassLearnerForManyClassesFailsBeforeAnyTrial()
    {
        var trials = 0;
        var options = TestData.Quick(trials: 2, learners: ["lgbm", "rf"]) with { Progress = _ => trials++ };
        var ex = Assert.Throws<AutoMLException>(() => AutoMLEngine.Fit(ManyClasses(500, 2), options));
        Assert.Equal(AutoMLErrorCode.InvalidOptions, ex.Code);
        Assert.Contains("rf trains one model per class", ex.Message, StringComparison.Ordinal);
        Assert.Contains("500 label classes", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, trials);
    }

    [Fact]
    public void TheDefaultSearchLeavesOneModelPerClassLearnersOutForManyClasses()
    {
        var result = AutoMLEngine.Fit(ManyClasses(AutoMLEngine.MaxOneVersusAllClasses + 1, 8), TestData.Quick(trials: 2));
        Assert.Contains(result.Warnings, w => w.Contains("Left out of the search: rf and fasttree", StringComparison.Ordinal));
        var searched = result.BestPerLearner.Select(l => l.Learner).ToArray();
        Assert.DoesNotContain("rf", searched);
        Assert.DoesNotContain("fasttree", searched);
        Assert.Contains("lgbm", searched);

        // At the limit they stay.
        var atLimit = AutoMLEngine.Fit(ManyClasses(AutoMLEngine.MaxOneVersusAllClasses, 8), TestData.Quick(trials: 1, learners: ["rf"]));
        Assert.Equal("rf", atLimit.BestLearner);
    }
}
