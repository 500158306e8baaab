using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using static Vigil.Data.Tests.TableAssert;

namespace Vigil.Data.Tests.Synthetic;

public class ClassificationGeneratorTests
{
    [Fact]
    public void ShapeNamesAndLabelKind()
    {
        var t = ClassificationGenerator.Generate(new ClassificationOptions { Samples = 500, Features = 6, Informative = 3, Redundant = 1, Classes = 3, CategoricalFeatures = 2, Seed = 1 });
        Assert.Equal(500, t.RowCount);
        Assert.Equal(["f0", "f1", "f2", "f3", "f4", "f5", "c0", "c1", "target"], t.ColumnNames);
        var y = Assert.IsType<NumericColumn>(t["target"]);
        Assert.Equal([0.0, 1, 2], y.Values.ToArray().Distinct().Order());
        var c = Assert.IsType<CategoricalColumn>(t["c0"]);
        Assert.Equal(["v0", "v1", "v2", "v3"], c.Categories);
        Assert.All(t.Columns, col => Assert.Equal(0, col.MissingCount));
    }

    [Fact]
    public void SameSeedSameTableOtherSeedOtherTable()
    {
        var o = new ClassificationOptions { Samples = 300, Features = 5, CategoricalFeatures = 1, Seed = 42 };
        Identical(ClassificationGenerator.Generate(o), ClassificationGenerator.Generate(o));
        Assert.NotEqual(Numbers(ClassificationGenerator.Generate(o), "f0"), Numbers(ClassificationGenerator.Generate(o with { Seed = 43 }), "f0"));
    }

    [Fact]
    public void InformativeFeaturesSeparateClassesAndNoiseDoesNot()
    {
        var t = ClassificationGenerator.Generate(new ClassificationOptions
        {
            Samples = 4000, Features = 4, Informative = 2, Redundant = 0, ClustersPerClass = 1, ClassSeparation = 2, FlipY = 0, Seed = 3,
        });
        var y = Numbers(t, "target");
        double Gap(string f)
        {
            var x = Numbers(t, f);
            return Math.Abs(Mean(x.Where((_, i) => y[i] == 0)) - Mean(x.Where((_, i) => y[i] == 1)));
        }

        // One cluster per class: centres are distinct hypercube vertices (±2 per coordinate), rotated by the
        // cluster's random covariance, so at least one informative coordinate differs clearly between classes.
        Assert.True(Math.Max(Gap("f0"), Gap("f1")) > 1.0, $"gaps {Gap("f0")}, {Gap("f1")}");
        Assert.True(Gap("f2") < 0.15 && Gap("f3") < 0.15, $"noise gaps {Gap("f2")}, {Gap("f3")}");
    }

    [Fact]
    public void LargerClassSeparationGivesEasierClasses()
    {
        double NearestCentroidAccuracy(double sep)
        {
            var t = ClassificationGenerator.Generate(new ClassificationOptions
            {
                Samples = 3000, Features = 2, Informative = 2, Redundant = 0, ClustersPerClass = 1, ClassSeparation = sep, FlipY = 0, Seed = 5,
            });
            var x0 = Numbers(t, "f0");
            var x1 = Numbers(t, "f1");
            var y = Numbers(t, "target");
            var m = new double[2, 2];
            for (var k = 0; k < 2; k++)
            {
                m[k, 0] = Mean(x0.Where((_, i) => y[i] == k));
                m[k, 1] = Mean(x1.Where((_, i) => y[i] == k));
            }

            var correct = 0;
            for (var i = 0; i < y.Length; i++)
            {
                var d0 = Math.Pow(x0[i] - m[0, 0], 2) + Math.Pow(x1[i] - m[0, 1], 2);
                var d1 = Math.Pow(x0[i] - m[1, 0], 2) + Math.Pow(x1[i] - m[1, 1], 2);
                correct += (d0 < d1 ? 0 : 1) == (int)y[i] ? 1 : 0;
            }

            return (double)correct / y.Length;
        }

        var hard = NearestCentroidAccuracy(0.2);
        var easy = NearestCentroidAccuracy(3.0);
        Assert.True(easy > 0.95, $"easy {easy}");
        Assert.True(easy > hard + 0.2, $"easy {easy}, hard {hard}");
    }

    [Fact]
    public void RedundantFeaturesAreLinearInTheInformativeOnes()
    {
        var t = ClassificationGenerator.Generate(new ClassificationOptions { Samples = 200, Features = 5, Informative = 2, Redundant = 2, Seed = 9 });
        var a = Numbers(t, "f0");
        var b = Numbers(t, "f1");
        var r = Numbers(t, "f2");

        // Solve r = p·a + q·b from two rows, then check every row.
        var det = (a[0] * b[1]) - (a[1] * b[0]);
        var p = ((r[0] * b[1]) - (r[1] * b[0])) / det;
        var q = ((a[0] * r[1]) - (a[1] * r[0])) / det;
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(r[i], (p * a[i]) + (q * b[i]), 1e-9);
        }
    }

    [Fact]
    public void WeightsMakeImbalance()
    {
        var t = ClassificationGenerator.Generate(new ClassificationOptions { Samples = 2000, Weights = [0.9], FlipY = 0, Seed = 2 });
        Assert.InRange(Numbers(t, "target").Count(v => v == 0), 1796, 1804); // cluster sizes are truncated, leftovers dealt round-robin
    }

    [Fact]
    public void FlipYAddsLabelNoise()
    {
        var o = new ClassificationOptions { Samples = 5000, FlipY = 0, Seed = 4, ShuffleRows = false };
        var clean = Numbers(ClassificationGenerator.Generate(o), "target");
        var noisy = Numbers(ClassificationGenerator.Generate(o with { FlipY = 0.4 }), "target");
        var changed = clean.Zip(noisy).Count(p => p.First != p.Second) / 5000.0;

        // A redrawn label lands on the other class half the time: about 0.4 / 2 = 0.2 change.
        Assert.InRange(changed, 0.16, 0.24);
    }

    [Fact]
    public void CategoricalFrequenciesDependOnClass()
    {
        var t = ClassificationGenerator.Generate(new ClassificationOptions { Samples = 20000, CategoricalFeatures = 1, CategoricalClassDependence = 1.0, FlipY = 0, Seed = 8 });
        var c = (CategoricalColumn)t["c0"];
        var y = Numbers(t, "target");
        var diff = 0.0;
        for (var v = 0; v < c.Categories.Count; v++)
        {
            var p0 = Enumerable.Range(0, y.Length).Count(i => y[i] == 0 && c.Codes[i] == v) / (double)y.Count(l => l == 0);
            var p1 = Enumerable.Range(0, y.Length).Count(i => y[i] == 1 && c.Codes[i] == v) / (double)y.Count(l => l == 1);
            diff += Math.Abs(p0 - p1);
        }

        Assert.True(diff > 0.1, $"total variation {diff / 2}");
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => ClassificationGenerator.Generate(new ClassificationOptions { Features = 3, Informative = 2, Redundant = 2 }));
        Assert.ThrowsAny<ArgumentException>(() => ClassificationGenerator.Generate(new ClassificationOptions { Informative = 1, Classes = 2, ClustersPerClass = 2 }));
        Assert.ThrowsAny<ArgumentException>(() => ClassificationGenerator.Generate(new ClassificationOptions { Weights = [0.2, 0.3, 0.5] }));
        Assert.ThrowsAny<ArgumentException>(() => ClassificationGenerator.Generate(new ClassificationOptions { FlipY = 2 }));
        Assert.ThrowsAny<ArgumentException>(() => ClassificationGenerator.Generate(new ClassificationOptions { Samples = 0 }));
    }
}
