using Vigil.Data.Synthetic;
using Vigil.Data.Tables;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Lifecycle;
using Vigil.Monitoring.Registry;
using Vigil.Monitoring.Store;

namespace Vigil.Monitoring.Tests.Lifecycle;

/// <summary>
/// The loop end to end on generated data with tiny AutoML budgets: train and register, check, retrain with
/// champion/challenger, crash safety.
/// </summary>
public sealed class LifecycleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vigil-lifecycle-").FullName;

    // 4000 rows from one distribution: the first 1500 train the model, the rest are "production".
    private static readonly Table Stream = ClassificationGenerator.Generate(new ClassificationOptions
    {
        Samples = 4000, Features = 6, Informative = 3, Redundant = 1, ClassSeparation = 1.5, FlipY = 0.02, Seed = 11,
    });

    private static TrainRequest Quick(string reason = "test") => new()
    {
        Label = "target", TimeBudget = null, MaxTrials = 4, Seed = 3, Learners = ["lgbm"], CreatedBy = "test", Reason = reason,
    };

    [Fact]
    public void TrainRegistersAChampionWithProfileBaselineAndTrainingData()
    {
        using var monitor = VigilMonitor.Open(_folder);
        var trained = monitor.Train("churn", Stream.Slice(0, 1500), Quick());
        var champion = monitor.Champion("churn");
        Assert.Equal(1, champion.Version);
        Assert.True(champion.IsChampion);
        Assert.True(File.Exists(champion.ProfilePath));
        Assert.True(File.Exists(Path.Combine(champion.BundleFolder, ModelTrainer.TrainingDataFile)));
        Assert.NotNull(trained.Profile.Baseline);
        Assert.Equal(300, trained.Profile.Baseline!.Rows); // 20 % holdout of 1500
        Assert.True(trained.Profile.Baseline.Metrics["roc_auc"] > 0.8, $"baseline AUC {trained.Profile.Baseline.Metrics["roc_auc"]}");
        Assert.NotNull(trained.Profile.FeatureImportance);
        Assert.Equal(1.0, trained.Profile.FeatureImportance!.Values.Sum(), 9);
        Assert.Equal(champion.TrainingFingerprint, DataFingerprint.Compute(Stream.Slice(0, 1500)));
    }

    [Fact]
    public void ChecksTellInDistributionFromShiftedWindowsAndRecordHistory()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("m", Stream.Slice(0, 1500), Quick());
        var calm = monitor.Check("m", Stream.Slice(1500, 500));
        Assert.False(calm.Result.Drift.DatasetDrift);
        Assert.NotNull(calm.Result.Performance);
        Assert.False(calm.Result.Performance!.Degraded);
        Assert.False(calm.Decision.Retrain);

        var shifted = Stream.Slice(2000, 500);
        foreach (var f in new[] { "f0", "f1", "f2", "f3" })
        {
            shifted = NumericDrift.MeanShift(shifted, f, 1.5, seed: 5);
        }

        var alarm = monitor.Check("m", shifted);
        Assert.True(alarm.Result.Drift.DatasetDrift);
        Assert.Equal(MonitoringStatus.Alarm, alarm.Result.Status);
        var history = monitor.Workspace.Store.ListChecks("m");
        Assert.Equal(2, history.Count);
        Assert.True(history[0].Alarm);
        Assert.Equal(2, monitor.Workspace.Store.ListDecisions("m").Count);
    }

    [Fact]
    public void LabelledRowsAddUpAcrossChecksAndRestartAfterARetrain()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("m", Stream.Slice(0, 1500), Quick());

        static string Labels(CheckOutcome o) => Assert.Single(o.Decision.Triggers, t => t.Trigger == Vigil.Monitoring.Policy.RetrainTrigger.MinNewLabels).Detail;
        Assert.StartsWith("200 labelled rows since the last retrain", Labels(monitor.Check("m", Stream.Slice(1500, 200))), StringComparison.Ordinal);
        Assert.StartsWith("200 labelled rows", Labels(monitor.Check("m", Stream.Slice(1700, 300).WithoutColumns("target"))), StringComparison.Ordinal);
        Assert.StartsWith("450 labelled rows", Labels(monitor.Check("m", Stream.Slice(2000, 250))), StringComparison.Ordinal);
        Assert.Equal([250, 0, 200], monitor.Workspace.Store.ListChecks("m").Select(c => c.LabelledRows));

        monitor.Retrain("m", new RetrainRequest { Data = Stream.Slice(1500, 750), TimeBudget = null, MaxTrials = 2, CreatedBy = "test" });
        Assert.StartsWith("100 labelled rows", Labels(monitor.Check("m", Stream.Slice(2250, 100))), StringComparison.Ordinal);
    }

    [Fact]
    public void AWorseChallengerIsNeverPromoted()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("m", Stream.Slice(0, 1500), Quick());

        // Labels of the new data are noise: whatever the challenger learns cannot beat the champion on the
        // holdout, whose labels follow the original rule.
        var fresh = Stream.Slice(1500, 1500);
        var shuffledLabels = fresh["target"].Take(Enumerable.Range(0, 1500).OrderBy(i => (i * 7919) % 1500).ToArray());
        var noisyTrain = fresh.Slice(0, 1000).WithColumn(shuffledLabels.Slice(0, 1000));
        var data = Table.Concat([noisyTrain, fresh.Slice(1000, 500)]);
        var outcome = monitor.Retrain("m", new RetrainRequest { Data = data, TimeBudget = null, MaxTrials = 3, HoldoutFraction = 1.0 / 3, CreatedBy = "test" });

        Assert.False(outcome.Promoted, outcome.Reason);
        Assert.Equal(1, monitor.Champion("m").Version);
        Assert.Equal(2, outcome.ChallengerVersion);
        Assert.Contains(monitor.Workspace.Registry.Events("m"), e => e.Kind == RegistryEventKind.Kept && e.ToVersion == 2);
        Assert.Equal(RetrainStatus.Succeeded, monitor.Workspace.Store.ListRetrains("m")[0].Status);
    }

    [Fact]
    public void AChallengerThatLearnedTheNewConceptIsPromoted()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("m", Stream.Slice(0, 1500), Quick());
        var changed = ConceptDrift.Apply(Stream.Slice(1500, 2000), new ConceptDriftOptions { LabelColumn = "target", Seed = 9 });
        var outcome = monitor.Retrain("m", new RetrainRequest { Data = changed, TimeBudget = null, MaxTrials = 4, CreatedBy = "test" });
        Assert.True(outcome.Promoted, outcome.Reason);
        Assert.True(outcome.ImprovementLower > 0);
        Assert.Equal(outcome.ChallengerVersion, monitor.Champion("m").Version);
        Assert.Equal(1, monitor.Workspace.Registry.GetVersion("m", outcome.ChallengerVersion).ParentVersion);

    }

    [Fact]
    public void WithRefitThePromotedVersionLearnsFromEveryRow()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("m", Stream.Slice(0, 1500), Quick());
        var changed = ConceptDrift.Apply(Stream.Slice(1500, 2000), new ConceptDriftOptions { LabelColumn = "target", Seed = 9 });
        var outcome = monitor.Retrain("m", new RetrainRequest
        {
            Data = changed, TimeBudget = null, MaxTrials = 4, CreatedBy = "test", RefitOnAllRows = true,
        });
        Assert.True(outcome.Promoted, outcome.Reason);

        // The promoted version learned from every row, the newest (the comparison rows) included.
        Assert.Equal(changed.RowCount, monitor.Workspace.Registry.GetVersion("m", outcome.ChallengerVersion).TrainingRows);
        Assert.Equal(changed.RowCount, outcome.TrainingRows);
    }

    [Fact]
    public void ByDefaultAPromotedChallengerIsTheModelThatWasCompared()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("m", Stream.Slice(0, 1500), Quick());
        var changed = ConceptDrift.Apply(Stream.Slice(1500, 2000), new ConceptDriftOptions { LabelColumn = "target", Seed = 9 });
        var outcome = monitor.Retrain("m", new RetrainRequest
        {
            Data = changed, TimeBudget = null, MaxTrials = 4, CreatedBy = "test",
        });
        Assert.True(outcome.Promoted, outcome.Reason);
        Assert.Equal(changed.RowCount - outcome.HoldoutRows, monitor.Workspace.Registry.GetVersion("m", outcome.ChallengerVersion).TrainingRows);
    }

    [Theory]
    [InlineData("fitted")]
    [InlineData("registered")]
    public void ACrashDuringRetrainingLeavesTheChampionServing(string stage)
    {
        using (var monitor = VigilMonitor.Open(_folder))
        {
            monitor.Train("m", Stream.Slice(0, 1500), Quick());
            var changed = ConceptDrift.Apply(Stream.Slice(1500, 1000), new ConceptDriftOptions { LabelColumn = "target", Seed = 9 });
            var request = new RetrainRequest
            {
                Data = changed, TimeBudget = null, MaxTrials = 2, CreatedBy = "test",
                FaultInjection = s => { if (s == stage) { throw new IOException("injected crash at " + s); } },
            };
            Assert.Throws<IOException>(() => monitor.Retrain("m", request));
            Assert.Equal(1, monitor.Champion("m").Version);
            Assert.Equal(RetrainStatus.Failed, monitor.Workspace.Store.ListRetrains("m")[0].Status);
        }

        // After a restart the champion still serves and predicts.
        using var reopened = VigilMonitor.Open(_folder);
        var champion = reopened.Champion("m");
        Assert.Equal(1, champion.Version);
        var outcome = reopened.Check("m", Stream.Slice(3000, 300));
        Assert.NotNull(outcome.Result.Performance);
    }

    [Fact]
    public void UnknownModelIsAClearError()
    {
        using var monitor = VigilMonitor.Open(_folder);
        var ex = Assert.Throws<Vigil.Monitoring.Workspace.WorkspaceInputException>(() => monitor.Check("nope", Stream.Slice(0, 10)));
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWindowWithMissingColumnsIsCheckedNotCrashed()
    {
        using var monitor = VigilMonitor.Open(_folder);
        monitor.Train("m", Stream.Slice(0, 1500), Quick());
        var window = Stream.Slice(1500, 200).WithoutColumns("f2", "target");
        var outcome = monitor.Check("m", window);
        Assert.Contains(outcome.Result.Quality.Findings, f => f.Column == "f2");
        Assert.Null(outcome.Result.Performance);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
