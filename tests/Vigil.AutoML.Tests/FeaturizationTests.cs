using Vigil.AutoML.Featurization;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

public class FeaturizationTests
{
    [Fact]
    public void FewLevelsAreOneHotAndManyAreHashed()
    {
        var few = CategoricalColumn.FromValues("few", ["a", "b", "a", null]);
        var many = CategoricalColumn.FromValues("many", Enumerable.Range(0, 100).Select(i => (string?)("v" + i)).ToArray());
        var f1 = Featurizer.Fit(new Table([few]));
        Assert.Equal(FeatureKind.OneHot, f1.Columns[0].Kind);
        Assert.Equal(2, f1.Width(impute: false));
        var f2 = Featurizer.Fit(new Table([many]));
        Assert.Equal(FeatureKind.Hashed, f2.Columns[0].Kind);
        Assert.Equal(Featurizer.HashBuckets, f2.Width(impute: false));
    }

    [Fact]
    public void UnseenAndMissingCategoriesEncodeAsAllZeros()
    {
        var featurizer = Featurizer.Fit(new Table([CategoricalColumn.FromValues("c", ["a", "b"])]));
        var rows = featurizer.Transform(new Table([CategoricalColumn.FromValues("c", ["b", "zzz", null])]), impute: false);
        Assert.Equal([0f, 1f], rows[0]);
        Assert.Equal([0f, 0f], rows[1]);
        Assert.Equal([0f, 0f], rows[2]);
    }

    [Fact]
    public void MissingNumericsStayNaNNativelyAndAreImputedWithAnIndicatorOtherwise()
    {
        var featurizer = Featurizer.Fit(new Table([new NumericColumn("x", [1, double.NaN, 3])]));
        var native = featurizer.Transform(new Table([new NumericColumn("x", [double.NaN])]), impute: false);
        Assert.True(float.IsNaN(native[0][0]));
        var imputed = featurizer.Transform(new Table([new NumericColumn("x", [double.NaN, 5])]), impute: true);
        Assert.Equal([2f, 1f], imputed[0]);
        Assert.Equal([5f, 0f], imputed[1]);
    }

    [Fact]
    public void ModelPredictsRowsWithUnseenCategoriesAndMissingValues()
    {
        var data = TestData.Binary();
        foreach (var learner in new[] { "lgbm", "linear" })
        {
            var result = AutoMLEngine.Fit(data, TestData.Quick(trials: 1, learners: learner));
            var odd = new Table([
                new NumericColumn("x1", [double.NaN, 1.0]),
                new NumericColumn("x2", [double.NaN, double.NaN]),
                CategoricalColumn.FromValues("color", ["purple", null]),
            ]);
            var p = result.Model.Predict(odd);
            Assert.All(p.Values, v => Assert.InRange(v, 0, 1));
        }
    }

    [Fact]
    public void NumericLabelsMapToSortedClassNames()
    {
        var result = AutoMLEngine.Fit(TestData.Binary(stringLabel: false), TestData.Quick(trials: 1, learners: "lgbm"));
        Assert.Equal(AutoMLTask.Binary, result.Task);
        Assert.Equal(["0", "1"], result.Model.Labels.Classes);
        var labels = result.Model.PredictedLabels(result.Model.Predict(TestData.Binary(rows: 5, stringLabel: false)));
        Assert.All(labels, l => Assert.Contains(l, new[] { "0", "1" }));
    }

    [Fact]
    public void DateColumnsBecomeCalendarParts()
    {
        var dates = new DateTime?[] { new DateTime(2024, 3, 5, 6, 30, 0, DateTimeKind.Utc), null };
        var featurizer = Featurizer.Fit(new Table([new DateTimeColumn("d", dates)]));
        var rows = featurizer.Transform(new Table([new DateTimeColumn("d", dates)]), impute: false);
        Assert.Equal([2024f, 3f, 5f, (float)DayOfWeek.Tuesday, 6.5f], rows[0]);
        Assert.True(float.IsNaN(rows[1][0]));
    }
}
