using Vigil.AutoML.Featurization;
using Vigil.Data.Tables;

namespace Vigil.AutoML.Tests;

public class FeaturizationTests
{
    [Fact]
    public void FewLevelsAreOneHotAndManyKeepTheirFrequentLevels()
    {
        var few = CategoricalColumn.FromValues("few", ["a", "b", "a", null]);
        var f1 = Featurizer.Fit(new Table([few]));
        Assert.Equal(FeatureKind.OneHot, f1.Columns[0].Kind);
        Assert.Equal(2, f1.Width(impute: false));

        // 100 levels: v0..v49 appear twice, v50..v99 once. Only levels with two rows get a slot.
        var values = Enumerable.Range(0, 100).Select(i => (string?)("v" + i)).Concat(Enumerable.Range(0, 50).Select(i => (string?)("v" + i))).ToArray();
        var f2 = Featurizer.Fit(new Table([CategoricalColumn.FromValues("many", values)]));
        Assert.Equal(FeatureKind.OneHot, f2.Columns[0].Kind);
        Assert.Equal(50, f2.Width(impute: false));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => "v" + i).Order(StringComparer.Ordinal), f2.Columns[0].Categories);

        var rows = f2.Transform(new Table([CategoricalColumn.FromValues("many", ["v7", "v70", "never"])]), impute: false);
        Assert.Equal(1f, rows[0][f2.Columns[0].Categories!.ToList().IndexOf("v7")]);
        Assert.All(rows[1], v => Assert.Equal(0f, v));   // a rare training level encodes like an unseen one
        Assert.All(rows[2], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void LongDataKeepsFewerFrequentLevels()
    {
        // The slots of one column are capped at OneHotCellBudget / rows (at least MaxOneHotLevels): here 40 000 rows
        // allow 500 slots for 800 levels, and the 500 most frequent (the first 500, one row more each) are kept.
        const int rows = 40_000;
        var values = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            values[i] = "v" + (i % 800 < 500 || i < 800 * 49 ? i % 800 : 0).ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        }

        var featurizer = Featurizer.Fit(new Table([CategoricalColumn.FromValues("c", values)]));
        Assert.Equal((int)(Featurizer.OneHotCellBudget / rows), featurizer.Width(impute: true));
        Assert.Contains("v000", featurizer.Columns[0].Categories!);
        Assert.Contains("v499", featurizer.Columns[0].Categories!);
        Assert.DoesNotContain("v500", featurizer.Columns[0].Categories!);

        // Two such columns share the budget: 250 slots each.
        var two = Featurizer.Fit(new Table([CategoricalColumn.FromValues("c", values), CategoricalColumn.FromValues("d", values)]));
        Assert.All(two.Columns, c => Assert.Equal(250, c.Width(impute: true)));
    }

    [Fact]
    public void HashedColumnsOfOlderBundlesStillEncode()
    {
        var featurizer = new Featurizer([new ColumnFeaturization("c", FeatureKind.Hashed, null, Featurizer.HashBuckets, null, false)], []);
        var rows = featurizer.Transform(new Table([CategoricalColumn.FromValues("c", ["x", null])]), impute: true);
        Assert.Equal(Featurizer.HashBuckets, rows[0].Length);
        Assert.Equal(1f, rows[0].Sum());
        Assert.Equal(0f, rows[1].Sum());
    }

    [Fact]
    public void AModelLearnsTheEffectsOfAManyLevelColumn()
    {
        // 120 shops with their own effect on the target, 40 rows each. Hashed into 64 slots, shops share slots and
        // their effects blur; with a slot per frequent level a linear model recovers them.
        var random = new Random(3);
        var effects = Enumerable.Range(0, 120).Select(_ => random.NextDouble() * 4).ToArray();
        Table Make(int rows)
        {
            var shops = new string?[rows];
            var y = new double[rows];
            for (var i = 0; i < rows; i++)
            {
                var shop = random.Next(120);
                shops[i] = "shop" + shop;
                y[i] = effects[shop] + (random.NextDouble() - 0.5);
            }

            return new Table([CategoricalColumn.FromValues("shop", shops), new NumericColumn("y", y)]);
        }

        var result = AutoMLEngine.Fit(Make(4800), TestData.Quick(trials: 4, learners: "linear") with { Task = AutoMLTask.Regression });
        Assert.True(result.Model.Evaluate(Make(1000))["r2"] > 0.8);
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

        // Dates arriving as text (a categorical column at prediction): an offset converts to UTC, no offset keeps the
        // wall clock, whatever the machine's time zone.
        var text = featurizer.Transform(new Table([CategoricalColumn.FromValues("d", ["2024-03-05T08:30:00+02:00", "2024-03-05T06:30:00"])]), impute: false);
        Assert.Equal(rows[0], text[0]);
        Assert.Equal(rows[0], text[1]);
    }
}
