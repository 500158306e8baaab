using Vigil.Monitoring;
using System.Xml.Linq;
using Vigil.Monitoring.Checks;
using Vigil.Replay;
using Vigil.Rendering;

namespace Vigil.Replay.Tests;

/// <summary>The replay loop on small generated streams with tiny, trial-limited AutoML budgets.</summary>
public sealed class ReplayRunnerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("vigil-replay-tests-").FullName;

    private ReplayOptions Quick(int batch, int initial, int window) => new()
    {
        Label = "target", BatchSize = batch, InitialBatches = initial, WindowBatches = window,
        TimeBudget = null, MaxTrials = 4, Seed = 7, Learners = ["lgbm"], WorkFolder = _work,
    };

    [Fact]
    public void VigilRetrainsAfterAnAbruptConceptChangeAndRecoversWhileStaticDoesNot()
    {
        // 4 initial + 4 calm batches of 250 rows, then 8 batches where the label is mirrored on half the space.
        const int batch = 250, change = 4;
        var stream = ReplayTestData.AbruptConceptChange(8 * batch, 8 * batch, seed: 21);
        var result = ReplayRunner.Run(stream, ReplayStrategies.ParseAll(["static", "vigil"]), Quick(batch, 4, 2), "abrupt.csv");

        var still = result.Strategies.Single(s => s.Strategy == "static");
        var vigil = result.Strategies.Single(s => s.Strategy == "vigil");
        Assert.Equal(12, result.ReplayedBatches);
        Assert.Equal(0, still.Retrains);
        Assert.All(still.Batches, b => Assert.Equal(1, b.ModelVersion));

        // Calm batches: no reason to retrain; after the change: retrains and a new champion.
        Assert.DoesNotContain(vigil.Batches.Take(change), b => b.Retrained);
        Assert.Contains(vigil.Batches.Skip(change), b => b.Retrained);
        Assert.True(vigil.Promotions >= 1, "a challenger trained on the new concept should beat the old champion");

        // Both drop on the first changed batch; by the last four batches vigil's champion has recovered and static's has not.
        var calmStatic = still.Batches.Take(change).Average(b => b.Accuracy);
        var lateStatic = still.Batches.TakeLast(4).Average(b => b.Accuracy);
        var lateVigil = vigil.Batches.TakeLast(4).Average(b => b.Accuracy);
        Assert.True(lateStatic < calmStatic - 0.15, $"static should stay degraded: calm {calmStatic:F3}, late {lateStatic:F3}");
        Assert.True(lateVigil > lateStatic + 0.15, $"vigil late {lateVigil:F3} vs static late {lateStatic:F3}");
        Assert.True(lateVigil > calmStatic - 0.1, $"vigil should recover near the calm level: {lateVigil:F3} vs {calmStatic:F3}");

        // The report and the JSON carry every strategy and batch.
        var html = ReplayHtml.Render(result);
        Assert.Contains("vigil", html, StringComparison.Ordinal);
        foreach (var svg in System.Text.RegularExpressions.Regex.Matches(html, "<svg.*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline))
        {
            XDocument.Parse(svg.ToString()!); // well-formed
        }

        var json = MonitoringJson.Serialize(result);
        Assert.Contains("\"model_version\"", json, StringComparison.Ordinal);
        Assert.Contains("\"roc_auc\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void AFixedSeedAndTrialCountReproduceTheReplay()
    {
        var stream = ReplayTestData.AbruptConceptChange(700, 500, seed: 5);
        var strategies = new[] { "periodic:2", "seed" };
        var first = ReplayRunner.Run(stream, ReplayStrategies.ParseAll(strategies), Quick(100, 3, 3));
        var second = ReplayRunner.Run(stream, ReplayStrategies.ParseAll(strategies), Quick(100, 3, 3) with { MaxParallelStrategies = 2 });

        Assert.Equal(first.InitialBaseline, second.InitialBaseline);
        for (var i = 0; i < first.Strategies.Count; i++)
        {
            // Everything but wall times must match.
            var a = first.Strategies[i].Batches.Select(b => b with { TrainingSeconds = 0 });
            var b = second.Strategies[i].Batches.Select(b => b with { TrainingSeconds = 0 });
            Assert.Equal(a, b);
        }

        Assert.Equal(4, first.Strategies[0].Retrains); // periodic:2 over 9 batches, never after the last
    }

    [Fact]
    public void BadInputGetsClearErrors()
    {
        var stream = ReplayTestData.AbruptConceptChange(600, 0, seed: 3);
        var strategies = ReplayStrategies.ParseAll(["static"]);

        var noLabel = Assert.Throws<ReplayInputException>(() => ReplayRunner.Run(stream, strategies, Quick(100, 3, 3) with { Label = "y" }));
        Assert.Contains("Label column 'y' is not in the data", noLabel.Message, StringComparison.Ordinal);
        Assert.Contains("target", noLabel.Message, StringComparison.Ordinal);

        var tooFew = Assert.Throws<ReplayInputException>(() => ReplayRunner.Run(stream, strategies, Quick(200, 3, 3)));
        Assert.Contains("600 rows", tooFew.Message, StringComparison.Ordinal);
        Assert.Contains("= 800", tooFew.Message, StringComparison.Ordinal);

        var badDrop = Assert.Throws<ReplayInputException>(() => ReplayRunner.Run(stream, strategies, Quick(100, 3, 3) with { DropColumns = ["date"] }));
        Assert.Contains("'date'", badDrop.Message, StringComparison.Ordinal);

        var continuous = Assert.Throws<ReplayInputException>(() => ReplayRunner.Run(stream, strategies, Quick(100, 3, 3) with { Label = "f0" }));
        Assert.Contains("classification", continuous.Message, StringComparison.Ordinal);

        Assert.Throws<ReplayInputException>(() => ReplayStrategies.Parse("weekly"));
        Assert.Throws<ReplayInputException>(() => ReplayStrategies.Parse("periodic:0"));
        Assert.Throws<ReplayInputException>(() => ReplayStrategies.ParseAll(["vigil", "vigil"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplayRunner.Run(stream, strategies, Quick(100, 3, 3) with { MaxTrials = null }));
    }

    [Fact]
    public void StrategiesParseAndPlanKeepsATrailingPartialBatchOnlyWhenItIsAtLeastHalfABatch()
    {
        Assert.Equal(["static", "periodic:1", "seed", "vigil"], ReplayStrategies.ParseAll(null).Select(s => s.Name));
        Assert.Equal("periodic:4", ReplayStrategies.Parse(" Periodic:4 ").Name);

        // vigil keeps the replay's (default) policy; vigil-perf switches only the drift reasons off.
        var defaults = new VigilMonitorOptions();
        Assert.Same(defaults, ReplayStrategies.Parse("vigil").WorkspaceOptions(defaults));
        var perf = ReplayStrategies.Parse("vigil-perf").WorkspaceOptions(defaults).Policy;
        Assert.False(perf.OnDatasetDrift);
        Assert.Null(perf.PsiThreshold);
        Assert.True(perf.OnDegradation);
        Assert.Equal(defaults.Policy.MinNewLabels, perf.MinNewLabels);
        var options = Quick(100, 2, 2);
        Assert.Equal([(200, 100), (300, 60)], ReplayRunner.Plan(360, options));
        Assert.Equal([(200, 100)], ReplayRunner.Plan(340, options));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
