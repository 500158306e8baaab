using System.Text.Json;
using Vigil.Monitoring.Checks;
using Vigil.Monitoring.Policy;

namespace Vigil.Monitoring.Tests.Policy;

public sealed class TriggerKindTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FiveReasonsAndThreeGates()
    {
        var kinds = Enum.GetValues<RetrainTrigger>().GroupBy(t => t.Kind()).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal([RetrainTrigger.ConfidentDegradation, RetrainTrigger.DatasetDrift, RetrainTrigger.ImportantFeaturePsi, RetrainTrigger.StreamChange, RetrainTrigger.EstimatedDegradation], kinds[TriggerKind.Reason]);
        Assert.Equal([RetrainTrigger.MinNewLabels, RetrainTrigger.Cooldown, RetrainTrigger.RetrainLimit], kinds[TriggerKind.Gate]);
    }

    [Theory]
    [InlineData(RetrainTrigger.Cooldown, TriggerOutcome.Fired)]
    [InlineData(RetrainTrigger.MinNewLabels, TriggerOutcome.NotFired)]
    [InlineData(RetrainTrigger.DatasetDrift, TriggerOutcome.Blocks)]
    [InlineData(RetrainTrigger.ConfidentDegradation, TriggerOutcome.Passes)]
    public void AnOutcomeOfTheOtherKind_CannotBeBuilt(RetrainTrigger trigger, TriggerOutcome outcome)
    {
        var e = Assert.Throws<ArgumentException>(() => new TriggerEvaluation(trigger, outcome, "x"));
        Assert.Contains(trigger.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABlockingGate_IsBlockingAndNotFired_AndAFiredReasonIsFiredAndNotBlocking()
    {
        // Three retrains in the period: the limit gate blocks; the cooldown has passed.
        var context = new RetrainContext(10_000, Now.AddDays(-2), [Now.AddDays(-6), Now.AddDays(-4), Now.AddDays(-2)], Now);
        var d = new RetrainPolicy().Evaluate(DriftedResult(), context);
        var limit = d.Triggers.Single(t => t.Trigger == RetrainTrigger.RetrainLimit);
        Assert.Equal((TriggerKind.Gate, TriggerOutcome.Blocks, true, false), (limit.Kind, limit.Outcome, limit.Blocking, limit.Fired));
        var cooldown = d.Triggers.Single(t => t.Trigger == RetrainTrigger.Cooldown);
        Assert.Equal(TriggerOutcome.Passes, cooldown.Outcome);
        var drift = d.Triggers.Single(t => t.Trigger == RetrainTrigger.DatasetDrift);
        Assert.Equal((TriggerKind.Reason, TriggerOutcome.Fired, true, false), (drift.Kind, drift.Outcome, drift.Fired, drift.Blocking));
        Assert.False(d.Retrain);
        Assert.All(d.Triggers, t => Assert.True(t.Kind.Allows(t.Outcome)));
    }

    [Fact]
    public void StoredJson_CarriesKindAndOutcome_BesideTheOldFields()
    {
        var json = MonitoringJson.Serialize(TriggerEvaluation.Gate(RetrainTrigger.Cooldown, true, "2.0 h since the last retrain"));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("cooldown", root.GetProperty("trigger").GetString());
        Assert.Equal("gate", root.GetProperty("kind").GetString());
        Assert.Equal("blocks", root.GetProperty("outcome").GetString());
        Assert.False(root.GetProperty("fired").GetBoolean());
        Assert.True(root.GetProperty("blocking").GetBoolean());
        Assert.Equal("2.0 h since the last retrain", root.GetProperty("detail").GetString());
        Assert.Equal(TriggerEvaluation.Gate(RetrainTrigger.Cooldown, true, "2.0 h since the last retrain"), MonitoringJson.Deserialize<TriggerEvaluation>(json));
    }

    [Theory]
    [InlineData("min_new_labels", false, true, TriggerOutcome.Blocks)]
    [InlineData("min_new_labels", false, false, TriggerOutcome.Passes)]
    [InlineData("dataset_drift", true, false, TriggerOutcome.Fired)]
    [InlineData("dataset_drift", false, false, TriggerOutcome.NotFired)]
    public void DecisionsStoredBeforeKinds_ReadWithTheirOutcome(string trigger, bool fired, bool blocking, TriggerOutcome expected)
    {
        // The shape every decision had before triggers knew their kind (no "kind", no "outcome").
        var old = $$"""
            {"retrain": false, "summary": "no retrain", "decided_at": "2025-06-10T12:00:00+00:00",
             "triggers": [{"trigger": "{{trigger}}", "fired": {{(fired ? "true" : "false")}}, "blocking": {{(blocking ? "true" : "false")}}, "detail": "why"}]}
            """;
        var decision = MonitoringJson.Deserialize<RetrainDecision>(old);
        var t = Assert.Single(decision.Triggers);
        Assert.Equal(expected, t.Outcome);
        Assert.Equal("why", t.Detail);
    }

    [Fact]
    public void AStoredOutcomeThatDoesNotFitTheKind_IsAJsonError()
    {
        var e = Assert.Throws<JsonException>(() => MonitoringJson.Deserialize<TriggerEvaluation>("""{"trigger": "cooldown", "outcome": "fired", "detail": "x"}"""));
        Assert.Contains("gate", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OutcomesShowWithOneMarkAndWordEach()
    {
        var outcomes = Enum.GetValues<TriggerOutcome>();
        Assert.Equal(outcomes.Length, outcomes.Select(o => o.Mark()).Distinct().Count());
        Assert.Equal(["not fired", "fired", "passes", "blocks"], outcomes.Select(o => o.Label()));
        Assert.Equal([TriggerOutcome.Fired, TriggerOutcome.Blocks], outcomes.Where(o => o.IsNotable()));
    }

    private static MonitoringResult DriftedResult() => new()
    {
        Model = "m", Version = "1", Window = new WindowInfo(Now.AddDays(-1), Now, 800), RanAt = Now,
        Drift = new DriftCheckResult
        {
            Features = new Vigil.Monitoring.Drift.DriftReport { Columns = [], Rule = new Vigil.Monitoring.Drift.DriftRuleSummary { Correction = "BenjaminiHochberg" } },
            Skipped = [], DriftedColumns = ["a", "b"], DriftedShare = 1, DatasetDriftThreshold = 0.5, DatasetDrift = true,
        },
        Quality = new QualityReport { Rows = 800, Findings = [] },
    };
}
