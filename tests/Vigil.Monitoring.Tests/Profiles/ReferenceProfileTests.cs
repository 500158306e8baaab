using Vigil.AutoML;
using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Profiles;

namespace Vigil.Monitoring.Tests.Profiles;

public sealed class ReferenceProfileTests
{
    private static Table Training(int rows = 2000, int seed = 3) => ClassificationGenerator.Generate(new ClassificationOptions
    {
        Samples = rows, Features = 6, CategoricalFeatures = 1, Seed = seed,
    });

    [Fact]
    public void Build_RecordsStatisticsQuantilesHistogramAndLabelClasses()
    {
        var training = Training();
        var profile = ReferenceProfile.Build(training, "target", AutoMLTask.Binary);
        var f0 = profile.Find("f0")!;
        var values = ((NumericColumn)training["f0"]).NonMissing();
        Assert.Equal(values.Average(), f0.Mean!.Value, 9);
        Assert.Equal(values.Min(), f0.Min);
        Assert.Equal(values.Max(), f0.Max);
        Assert.Equal(values.Length, f0.Sample!.Count);
        Assert.Equal(f0.Min, f0.Quantiles!.First(q => q.Level == 0).Value);
        Assert.Equal(values.Length, f0.Histogram!.Sum(b => b.Count));
        var label = profile.Find("target")!;
        Assert.True(label.IsLabel && label.ComparedAsCategorical);
        Assert.Equal(training.RowCount, label.Categories!.Values.Sum());
        Assert.DoesNotContain(profile.Features, c => c.IsLabel);
    }

    [Fact]
    public void LoggedDateTimeFeaturesAreTypedAsDateTimes()
    {
        // CSV training data with an ISO date column is read as date-times; logged rows (checks, retraining) must come
        // back as date-times too, or the column would read as an all-missing number.
        var dates = Enumerable.Range(0, 50).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddHours(i)).ToArray();
        var training = new Table([new DateTimeColumn("when", dates), new NumericColumn("x", Enumerable.Range(0, 50).Select(i => (double)i).ToArray())]);
        var kinds = ReferenceProfile.Build(training).LoggedColumnKinds();
        Assert.Equal(ColumnKind.DateTime, kinds["when"]);
        Assert.Equal(ColumnKind.Numeric, kinds["x"]);
    }

    [Fact]
    public void Sample_IsCappedUniformAndSeeded()
    {
        var training = Training(3000);
        var options = new ReferenceProfileOptions { SampleCap = 1000, Seed = 7 };
        var a = ReferenceProfile.Build(training, options: options).Find("f1")!;
        var b = ReferenceProfile.Build(training, options: options).Find("f1")!;
        Assert.True(a.SampleIsSubsample);
        Assert.Equal(1000, a.Sample!.Count);
        Assert.Equal(a.Sample, b.Sample);
        Assert.True(a.Sample.Zip(a.Sample.Skip(1)).All(p => p.First <= p.Second));
        Assert.Equal(3000, a.Valid);
    }

    [Fact]
    public void Json_RoundTripsAndTheRestoredProfileRunsDriftWithoutTrainingData()
    {
        var training = Training();
        var (y, predicted, p) = Checks.MonitoringTestData.Binary(400, 0.85, 1);
        var profile = ReferenceProfile.Build(training, "target", AutoMLTask.Binary,
            timeProvider: new FixedTime(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero))) with
        {
            Baseline = Baseline.FromHoldout(PredictionSet.Binary(y, predicted, p)),
            FeatureImportance = new Dictionary<string, double> { ["f0"] = 3, ["f1"] = 1 },
        };

        var json = MonitoringJson.Serialize(profile);
        var back = MonitoringJson.Deserialize<ReferenceProfile>(json);
        Assert.Contains("\"missing_share\"", json, StringComparison.Ordinal);
        Assert.Equal(MonitoringJson.Serialize(back), json);
        Assert.Equal(profile.CreatedAt, back.CreatedAt);
        Assert.Equal(AutoMLTask.Binary, back.Baseline!.Task);
        Assert.Equal(profile.Baseline.Metrics["accuracy"], back.Baseline.Metrics["accuracy"]);

        // The same window compared with the raw training table and with the restored profile gives the same tests.
        var window = Training(500, seed: 11);
        var direct = DriftAnalyzer.Compare(training.WithoutColumns("target"), window.WithoutColumns("target"));
        var restored = new DriftCheck(back).Run(window);
        foreach (var column in direct.Columns)
        {
            var other = restored.Features.Columns.Single(c => c.Name == column.Name);
            Assert.Equal(column.KsPValue ?? column.Chi2PValue, other.KsPValue ?? other.Chi2PValue);
            Assert.Equal(column.Drifted, other.Drifted);
        }

        Assert.NotNull(restored.LabelDrift);
        Assert.Equal("chi2", restored.LabelDrift.Test);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
