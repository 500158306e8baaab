using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using static Vigil.Data.Tests.TableAssert;

namespace Vigil.Data.Tests.Synthetic;

public class ConceptDriftTests
{
    private static readonly Table Data = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Samples = 4000, Features = 5, Informative = 3, Redundant = 0, Classes = 2, FlipY = 0, Weights = [0.7], Seed = 11,
    });

    [Fact]
    public void NewTeacherKeepsFeaturesAndClassBalanceButChangesLabels()
    {
        var drifted = ConceptDrift.Apply(Data, new ConceptDriftOptions { Seed = 1 });
        foreach (var f in new[] { "f0", "f1", "f2", "f3", "f4" })
        {
            Assert.Same(Data[f], drifted[f]);
        }

        var before = Numbers(Data, "target");
        var after = Numbers(drifted, "target");
        Assert.InRange(after.Count(v => v == 1) - before.Count(v => v == 1), -2, 2);
        var changed = before.Zip(after).Count(p => p.First != p.Second) / (double)before.Length;
        Assert.InRange(changed, 0.1, 0.9);
    }

    [Fact]
    public void FractionLimitsWhichRowsChange()
    {
        var drifted = ConceptDrift.Apply(Data, new ConceptDriftOptions { Fraction = 0.25, Seed = 2, Change = ConceptChange.FlipRegion });
        var before = Numbers(Data, "target");
        var after = Numbers(drifted, "target");

        // FlipRegion flips every chosen row above the median of f0: a quarter of half the rows.
        var changed = before.Zip(after).Count(p => p.First != p.Second);
        Assert.InRange(changed, 500 - 60, 500 + 60);
    }

    [Fact]
    public void FlipRegionFlipsOnlyAboveTheMedian()
    {
        var drifted = ConceptDrift.Apply(Data, new ConceptDriftOptions { Change = ConceptChange.FlipRegion, RegionFeature = "f1" });
        var x = Numbers(Data, "f1");
        var sorted = x.Order().ToArray();
        var median = (sorted[(x.Length / 2) - 1] + sorted[x.Length / 2]) / 2; // even count: midpoint of the middle two
        var before = Numbers(Data, "target");
        var after = Numbers(drifted, "target");
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(x[i] > median ? 1 - before[i] : before[i], after[i]);
        }
    }

    [Fact]
    public void RegressionTeacherKeepsMeanAndSpread()
    {
        var t = RegressionGenerator.Generate(new RegressionOptions { Samples = 2000, Features = 4, Informative = 4, Noise = 1, Seed = 3 });
        var drifted = ConceptDrift.Apply(t, new ConceptDriftOptions { Task = LabelTask.Regression, Seed = 4 });
        var y = Numbers(t, "target");
        var z = Numbers(drifted, "target");
        Assert.Equal(Mean(y), Mean(z), 1e-6);
        Assert.Equal(Std(y), Std(z), 1e-6);
        var correlation = y.Zip(z).Sum(p => (p.First - Mean(y)) * (p.Second - Mean(z))) / ((y.Length - 1) * Std(y) * Std(z));
        Assert.True(correlation < 0.99, $"correlation {correlation}");
        Assert.Same(t["f0"], drifted["f0"]);
    }

    [Fact]
    public void CategoricalLabelsAndDeterminism()
    {
        var t = Data.WithColumn(CategoricalColumn.FromValues("target", Numbers(Data, "target").Select(v => v == 0 ? "no" : "yes").ToArray()));
        var a = ConceptDrift.Apply(t, new ConceptDriftOptions { Seed = 5 });
        Identical(a, ConceptDrift.Apply(t, new ConceptDriftOptions { Seed = 5 }));
        Assert.Equal(ColumnKind.Categorical, a["target"].Kind);
        Assert.Equal(["no", "yes"], ((CategoricalColumn)a["target"]).Categories.Order());
    }

    [Fact]
    public void BadLabelsAreRejected()
    {
        var t = new Table([new NumericColumn("f", [1, 2]), new NumericColumn("target", [0.5, 1])]);
        Assert.Throws<ArgumentException>(() => ConceptDrift.Apply(t, new ConceptDriftOptions()));
        Assert.Throws<ArgumentException>(() => ConceptDrift.Apply(new Table([new NumericColumn("target", [0, 1])]), new ConceptDriftOptions()));
    }
}
