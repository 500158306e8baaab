using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Drift;
using Vigil.Monitoring.Policy;

namespace Vigil.Monitoring.Tests.Policy;

public sealed class RetrainPolicyTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly RetrainContext Ready = new(1000, Now.AddDays(-3), [Now.AddDays(-3)], Now);

    internal static MonitoringResult Result(bool datasetDrift = false, bool degraded = false, double psi = 0.05, Dictionary<string, double>? importance = null)
    {
        var columns = new[] { "a", "b", "c" }.Select((n, i) => new ColumnDrift { Name = n, Type = "numeric", Psi = i == 2 ? psi : 0.01 }).ToArray();
        var metric = new MetricChange { Name = "roc_auc", HigherIsBetter = true, Value = 0.7, Baseline = 0.8, ChangeLower = -0.15, ChangeUpper = degraded ? -0.06 : 0.01, AllowedDrop = 0.04, Degraded = degraded };
        return new MonitoringResult
        {
            Model = "m", Version = "1", Window = new WindowInfo(Now.AddDays(-1), Now, 800), RanAt = Now,
            Drift = new DriftCheckResult
            {
                Features = new DriftReport { Columns = columns, Rule = new DriftRuleSummary { Correction = "BenjaminiHochberg" } },
                Skipped = [], DriftedColumns = datasetDrift ? ["a", "b"] : [], DriftedShare = datasetDrift ? 2 / 3.0 : 0,
                DatasetDriftThreshold = 0.5, DatasetDrift = datasetDrift, FeatureImportance = importance,
            },
            Quality = new QualityReport { Rows = 800, Findings = [] },
            Performance = new PerformanceWindow { Task = Vigil.AutoML.AutoMLTask.Binary, PrimaryMetric = "roc_auc", DecidingMetric = "roc_auc", Metrics = [metric], Degraded = degraded },
        };
    }

    private static TriggerEvaluation Of(RetrainDecision d, RetrainTrigger t) => d.Triggers.Single(x => x.Trigger == t);

    [Fact]
    public void Healthy_NoReasonFires_AndEveryTriggerSaysWhyNot()
    {
        var d = new RetrainPolicy().Evaluate(Result(), Ready);
        Assert.False(d.Retrain);
        Assert.Equal(Enum.GetValues<RetrainTrigger>().Length, d.Triggers.Count);
        Assert.All(d.Triggers, t => Assert.False(t.Fired || t.Blocking));
        Assert.All(d.Triggers, t => Assert.False(string.IsNullOrWhiteSpace(t.Detail)));
        Assert.Contains("no reason", d.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, 0.05, RetrainTrigger.DatasetDrift)]
    [InlineData(false, true, 0.05, RetrainTrigger.ConfidentDegradation)]
    [InlineData(false, false, 0.4, RetrainTrigger.ImportantFeaturePsi)]
    public void EachReason_AloneTriggersRetraining(bool drift, bool degraded, double psi, RetrainTrigger reason)
    {
        var d = new RetrainPolicy().Evaluate(Result(drift, degraded, psi), Ready);
        Assert.True(d.Retrain);
        Assert.Equal([reason], d.Triggers.Where(t => t.Fired).Select(t => t.Trigger));
    }

    [Fact]
    public void PsiOnAnUnimportantFeature_DoesNotFire()
    {
        var importance = new Dictionary<string, double> { ["a"] = 5, ["b"] = 3, ["c"] = 0.1 };
        var d = new RetrainPolicy { ImportantFeatures = 2 }.Evaluate(Result(psi: 0.9, importance: importance), Ready);
        Assert.False(Of(d, RetrainTrigger.ImportantFeaturePsi).Fired);
        Assert.Contains("top 2", Of(d, RetrainTrigger.ImportantFeaturePsi).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Gates_BlockARealReason()
    {
        var policy = new RetrainPolicy();
        var reason = Result(datasetDrift: true);

        var fewLabels = policy.Evaluate(reason, Ready with { LabelledRowsSinceLastRetrain = 499 });
        Assert.False(fewLabels.Retrain);
        Assert.True(Of(fewLabels, RetrainTrigger.MinNewLabels).Blocking);

        var cooling = policy.Evaluate(reason, Ready with { LastRetrainAt = Now.AddHours(-5) });
        Assert.False(cooling.Retrain);
        Assert.True(Of(cooling, RetrainTrigger.Cooldown).Blocking);
        Assert.Contains("blocks", cooling.Summary, StringComparison.Ordinal);

        var busy = policy.Evaluate(reason, Ready with { RecentRetrains = [Now.AddDays(-2), Now.AddDays(-4), Now.AddDays(-6), Now.AddDays(-9)] });
        Assert.False(busy.Retrain);
        Assert.True(Of(busy, RetrainTrigger.RetrainLimit).Blocking);
        Assert.Contains("3 retrains", Of(busy, RetrainTrigger.RetrainLimit).Detail, StringComparison.Ordinal);

        var never = policy.Evaluate(reason, new RetrainContext(600, null, [], Now));
        Assert.True(never.Retrain);
    }

    [Fact]
    public void DisabledTriggers_NeverFire_AndDecisionsSerialise()
    {
        var policy = new RetrainPolicy { OnDatasetDrift = false, OnDegradation = false, PsiThreshold = null };
        var d = policy.Evaluate(Result(true, true, 0.9), Ready);
        Assert.False(d.Retrain);
        Assert.Equal(3, d.Triggers.Count(t => t.Detail == "disabled"));
        var json = MonitoringJson.Serialize(d);
        Assert.Contains("\"trigger\": \"confident_degradation\"", json, StringComparison.Ordinal);
        Assert.Equal(json, MonitoringJson.Serialize(MonitoringJson.Deserialize<RetrainDecision>(json)));
    }

    [Fact]
    public void DriftOnlyRetrainsBackOffAfterChallengersThatDidNotWin()
    {
        var policy = new RetrainPolicy();
        var drift = Result(datasetDrift: true);

        // 600 new labels are enough after a promotion, but not after two kept challengers in a row (500 × 4 needed).
        Assert.True(policy.Evaluate(drift, new RetrainContext(600, null, [], Now, UnpromotedRetrains: 0)).Retrain);
        var backedOff = policy.Evaluate(drift, new RetrainContext(600, null, [], Now, UnpromotedRetrains: 2));
        Assert.False(backedOff.Retrain);
        var gate = Assert.Single(backedOff.Triggers, t => t.Trigger == RetrainTrigger.MinNewLabels);
        Assert.True(gate.Blocking);
        Assert.Contains("2000 needed", gate.Detail, StringComparison.Ordinal);
        Assert.True(policy.Evaluate(drift, new RetrainContext(2000, null, [], Now, UnpromotedRetrains: 2)).Retrain);

        // The factor is capped, and confident degradation is never backed off.
        Assert.True(policy.Evaluate(drift, new RetrainContext(4000, null, [], Now, UnpromotedRetrains: 10)).Retrain);
        Assert.True(policy.Evaluate(Result(degraded: true), new RetrainContext(600, null, [], Now, UnpromotedRetrains: 5)).Retrain);
        Assert.True(new RetrainPolicy { MaxDriftBackoff = 1 }.Evaluate(drift, new RetrainContext(600, null, [], Now, UnpromotedRetrains: 5)).Retrain);
    }
}
